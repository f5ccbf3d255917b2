using System.Security.Cryptography;
using System.Text;
using EngageBot.Channels;

namespace EngageBot.Features.Feedback;

/// <summary>Where a piece of feedback came from.</summary>
public enum FeedbackSource { CheckInAnswer, TicketRating, LoggedMessage }

/// <summary>What the feedback is about (optional: check-in answers and ticket ratings have no category).</summary>
public enum FeedbackCategory { Product, Support, Commercial, Enablement, Other }

/// <summary>A person on either platform, as features see them (no wire types).</summary>
public sealed record FeedbackPerson(ChatPlatform Platform, string UserId, string? DisplayName)
{
    public static FeedbackPerson From(ChatPlatform platform, ChatUser user) => new(platform, user.Id, user.DisplayName);

    public string Name => string.IsNullOrWhiteSpace(DisplayName) ? UserId : DisplayName;
}

/// <summary>
/// One piece of partner feedback. <see cref="SourceId"/> names what it came from: the check-in id, the ticket id, or
/// the logged message ("{platform}|{channel}|{message id}", see <see cref="MessageSourceId"/>); <see cref="SourceMessage"/>
/// is the message to link to when there is one. <see cref="Author"/> is the partner-side person who said it;
/// <see cref="LoggedBy"/> the internal person who logged it (null when the partner submitted it themselves).
/// </summary>
public sealed record FeedbackEntry(
    string Id,
    string PartnerId,
    FeedbackSource Source,
    string SourceId,
    int? Rating,
    FeedbackCategory? Category,
    string Text,
    FeedbackPerson? Author,
    FeedbackPerson? LoggedBy,
    DateTimeOffset CreatedAt,
    MessageRef? SourceMessage = null)
{
    public const int MinRating = 1;
    public const int MaxRating = 5;

    /// <summary>
    /// The deterministic id: the same partner, source, source id and discriminator (e.g. the answering user of a check-in,
    /// or the logging user of a message) always give the same id, so a form submitted twice stores one entry.
    /// </summary>
    public static string IdFor(string partnerId, FeedbackSource source, string sourceId, string? discriminator = null)
    {
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes($"{partnerId}\n{source}\n{sourceId}\n{discriminator}"));
        return "fb-" + Convert.ToHexStringLower(hash.AsSpan(0, 10));
    }

    /// <summary>The source id of feedback logged from a message.</summary>
    public static string MessageSourceId(MessageRef message) =>
        $"{message.Conversation.Platform}|{message.Conversation.ChannelId}|{message.MessageId}";

    /// <summary>Why an entry may not be stored (null when it is valid): rating outside 1–5, no partner, no source, nothing said.</summary>
    public string? Problem() =>
        string.IsNullOrWhiteSpace(PartnerId) ? "Feedback needs a partner."
        : string.IsNullOrWhiteSpace(SourceId) ? "Feedback needs a source."
        : Rating is < MinRating or > MaxRating ? $"A rating is {MinRating} to {MaxRating}, not {Rating}."
        : Rating is null && string.IsNullOrWhiteSpace(Text) ? "Feedback needs a rating or some text."
        : null;
}
