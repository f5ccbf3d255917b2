using System.Text.Json.Nodes;
using EngageBot.Channels;

namespace EngageBot.Features.Feedback.Capture;

/// <summary>
/// What the log form is about before anyone fills it in: the partner, the source (a message, or a command typed in the
/// partner's channel), who said it and the text to start from. It travels in the form's action data (<see cref="ToActionData"/>)
/// so the submission, and a Slack form reopened later, know the source without trusting anything else.
/// </summary>
public sealed record FeedbackDraft(string PartnerId, string SourceId, MessageRef? SourceMessage, FeedbackPerson? Author, string Prefill)
{
    // Slack carries action data in a button value (2,000 characters), so the prefill that travels with it is cut.
    public const int MaxPrefillInData = 1_000;

    private const string Source = "sourceId";
    private const string Platform = "platform";
    private const string Channel = "channelId";
    private const string Thread = "threadId";
    private const string Message = "messageId";
    private const string AuthorId = "authorId";
    private const string AuthorName = "authorName";
    private const string PrefillField = "prefill";

    public string Describe() =>
        Author is { } author ? $"from {author.Name}'s message" : SourceMessage is null ? "noted in the partner's channel" : "from a message in the partner's channel";

    public JsonObject ToActionData()
    {
        var data = new JsonObject { [Cards.CardInputs.Partner] = PartnerId, [Source] = SourceId };
        if (SourceMessage is { } m)
        {
            data[Platform] = m.Conversation.Platform.ToString();
            data[Channel] = m.Conversation.ChannelId;
            if (m.Conversation.ThreadId is { } thread) data[Thread] = thread;
            data[Message] = m.MessageId;
        }
        if (Author is { } a)
        {
            data[Platform] = a.Platform.ToString();
            data[AuthorId] = a.UserId;
            if (a.DisplayName is { } name) data[AuthorName] = name;
        }
        if (SourceMessage is null && Prefill.Length > 0) data[PrefillField] = Prefill.Length > MaxPrefillInData ? Prefill[..MaxPrefillInData] : Prefill;
        return data;
    }

    /// <summary>The draft a form's action data describes; null when it names no partner or source.</summary>
    public static FeedbackDraft? FromActionData(JsonObject data)
    {
        if (Text(data, Cards.CardInputs.Partner) is not { Length: > 0 } partnerId || Text(data, Source) is not { Length: > 0 } sourceId) return null;
        var platform = ChatPlatform.TryParse(Text(data, Platform), out var p) ? p : (ChatPlatform?)null;
        var message = platform is { } mp && Text(data, Channel) is { Length: > 0 } channel && Text(data, Message) is { Length: > 0 } messageId
            ? new MessageRef(new ConversationRef(mp, channel, Text(data, Thread)), messageId)
            : null;
        var author = platform is { } ap && Text(data, AuthorId) is { Length: > 0 } authorId ? new FeedbackPerson(ap, authorId, Text(data, AuthorName)) : null;
        return new FeedbackDraft(partnerId, sourceId, message, author, Text(data, PrefillField) ?? "");
    }

    private static string? Text(JsonObject data, string key) => data[key] is JsonValue v && v.TryGetValue<string>(out var s) ? s : null;
}
