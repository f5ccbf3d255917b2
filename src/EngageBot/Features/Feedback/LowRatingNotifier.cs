using System.Globalization;
using EngageBot.Channels;
using EngageBot.Features.Directory;
using Microsoft.Extensions.Options;

namespace EngageBot.Features.Feedback;

/// <summary>
/// Tells the partner's owner, by direct message, about a rating at or below <see cref="FeedbackOptions.LowRatingThreshold"/>
/// (on the platform the feedback came from when the owner has an id there, else another they are on). Once per entry: the outbox
/// deduplicates on the entry's id.
/// </summary>
public sealed class LowRatingNotifier(IPartnerDirectory directory, IOutbox outbox, IOptionsMonitor<FeedbackOptions> options, ILogger<LowRatingNotifier> logger)
{
    public async Task NotifyIfLowAsync(FeedbackEntry entry, ChatPlatform platform, CancellationToken cancellationToken)
    {
        if (entry.Rating is not { } rating || rating > options.CurrentValue.LowRatingThreshold) return;
        var snapshot = await directory.GetSnapshotAsync(cancellationToken);
        var partner = snapshot.Partner(entry.PartnerId);
        var owner = partner is null ? null : snapshot.Person(partner.OwnerId);
        if (partner is null || owner?.Identities.Preferring(platform) is not { } address)
        {
            logger.LogWarning("Low rating {Rating} for partner {PartnerId}: no owner with a chat id to tell.", rating, entry.PartnerId);
            return;
        }
        await outbox.EnqueueAsync($"feedback.low-rating|{entry.Id}", DeliveryTarget.Direct(address.Platform, address.UserId),
            new OutboundMessage(Text(entry, rating, partner.Name)), cancellationToken);
    }

    private static string Text(FeedbackEntry entry, int rating, string partnerName)
    {
        var who = entry.Author?.Name ?? "someone";
        var what = entry.Source switch
        {
            FeedbackSource.TicketRating => $"{who} rated the answer to {entry.SourceId}",
            FeedbackSource.CheckInAnswer => $"{who} answered a check-in",
            _ => $"{entry.LoggedBy?.Name ?? "A colleague"} logged feedback from {who}",
        };
        var text = string.IsNullOrWhiteSpace(entry.Text) ? "" : $": “{Cards.CardText.Truncate(entry.Text.ReplaceLineEndings(" "), 300)}”";
        return string.Create(CultureInfo.InvariantCulture, $"Low rating from {partnerName}: {what} {rating}/5{text}");
    }
}
