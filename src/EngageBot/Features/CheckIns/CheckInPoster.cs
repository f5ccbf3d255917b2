using EngageBot.Channels;
using EngageBot.Channels.Outbox;
using EngageBot.Features.CheckIns.Schedule;
using EngageBot.Features.Directory;
using EngageBot.Features.Directory.Model;
using EngageBot.Hosting.Telemetry;
using EngageBot.Scheduling.Calendars;
using Microsoft.Extensions.Options;

namespace EngageBot.Features.CheckIns;

/// <summary>
/// Posts a check-in card, and later its one reminder, in the partner's shared channel on each platform it is linked on.
/// In Teams that is the channel itself: a bot cannot DM a user of another tenant. Outbox keys are deterministic per
/// check-in and platform, so a retry or a second instance enqueues nothing new.
/// </summary>
public sealed class CheckInPoster(
    IPartnerDirectory directory,
    CheckInStore store,
    CheckInCard card,
    IOutbox outbox,
    IOptions<CheckInsOptions> options,
    TimeProvider time,
    ChatPlatforms platforms,
    IOutboxStatus? status = null)
{
    public static string PostKey(string checkInId, ChatPlatform platform) => $"checkin|{checkInId}|{platform}";

    /// <summary>Creates the check-in (if new) and enqueues its card; returns it, with when its reminder is due.</summary>
    public async Task<(CheckIn CheckIn, DateTimeOffset RemindAt)> PostAsync(Partner partner, CheckInOccurrence occurrence, CancellationToken ct)
    {
        var now = time.GetUtcNow();
        var posts = (await directory.GetSnapshotAsync(ct)).SharedChannels(partner)
            .Select(c => new CheckInPost(c.Platform, c.ChannelId, PostKey(occurrence.CheckInId, c.Platform))).ToList();
        var checkIn = new CheckIn(occurrence.CheckInId, partner.Id, occurrence.SlotKey, occurrence.At, now, posts, []);
        if (await store.CreateAsync(checkIn, ct)) EngageBotMetrics.CheckInSent();
        else checkIn = await store.GetAsync(partner.Id, checkIn.Id, ct) ?? checkIn;
        var message = new OutboundMessage($"Check-in for {partner.Name}: how are things going?", await card.CardAsync(checkIn, ct));
        foreach (var post in checkIn.Posts)
            await outbox.EnqueueAsync(post.OutboxKey, DeliveryTarget.Post(new ConversationRef(post.Platform, post.ChannelId)), message, ct);
        var calendar = await directory.GetCalendarForPartnerAsync(partner.Id, ct) ?? BusinessCalendar.DefaultFor(partner);
        return (checkIn, new BusinessHoursCalendar(calendar.ToSpec()).Add(now, options.Value.ReminderDelay));
    }

    /// <summary>
    /// The one reminder: a new top-level message in the channel (a reply in the card's thread is hidden from partners who
    /// don't follow it), pointing at the card by its link once the card's post was delivered.
    /// </summary>
    public async Task RemindAsync(Partner partner, CheckIn checkIn, CancellationToken ct)
    {
        foreach (var post in checkIn.Posts)
        {
            var card = status is null ? null : (await status.GetAsync(post.OutboxKey, ct))?.Message;
            var where = card is null ? "the check-in card posted in this channel" : $"the check-in card: {platforms.ThreadLink(card.Conversation, card.MessageId)}";
            var text = $"Friendly reminder: the check-in for {partner.Name} is still open. A minute of your time helps us help you. Answer it on {where}";
            await outbox.EnqueueAsync($"checkin-reminder|{checkIn.Id}|{post.Platform}",
                DeliveryTarget.Post(new ConversationRef(post.Platform, post.ChannelId)), new OutboundMessage(text), ct);
        }
        var now = time.GetUtcNow();
        await store.UpdateAsync(checkIn.PartnerId, checkIn.Id, c => c.RemindedAt is null ? c with { RemindedAt = now } : null, ct);
    }
}
