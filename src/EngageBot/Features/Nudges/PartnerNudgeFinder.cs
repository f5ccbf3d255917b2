using System.Globalization;
using EngageBot.Cards;
using EngageBot.Channels;
using EngageBot.Channels.Outbox;
using EngageBot.Features.CheckIns;
using EngageBot.Features.Directory;
using EngageBot.Features.Directory.Model;
using EngageBot.Features.Interactions;
using EngageBot.Features.Tickets.Lifecycle;
using EngageBot.Features.Tickets.Sla;
using EngageBot.Features.Tickets.Storage;
using EngageBot.Scheduling.Calendars;

namespace EngageBot.Features.Nudges;

/// <summary>
/// Why one partner needs its owner today, from the records alone: the interaction log (who wrote in the partner's shared
/// channels, and when), the partner's check-ins and its tickets. Reads one interaction-log range of the partner's partition
/// (back to the older of the two silence thresholds), its check-ins and its listed tickets: the cost follows the partner's
/// own recent activity. Thresholds come from the partner's tier (<see cref="NudgeThresholds"/>).
/// </summary>
public sealed class PartnerNudgeFinder(IInteractionLog log, CheckInStore checkIns, TicketStore tickets, ChatPlatforms platforms, IOutboxStatus? status = null)
{
    // An unanswered check-in is "missed" once its reminder went out before today, or a week after it was posted when no
    // reminder could go out (e.g. skipped after downtime); it stays in the nudge until answered, for at most a month.
    private static readonly TimeSpan MissedWithoutReminder = TimeSpan.FromDays(7);
    private static readonly TimeSpan MissedListedFor = TimeSpan.FromDays(30);
    private static readonly HashSet<string> MessageKinds = ["message", "reply"];

    public async Task<PartnerNudgeLine?> FindAsync(Partner partner, DirectorySnapshot snapshot, DateTimeOffset now, CancellationToken ct)
    {
        var thresholds = snapshot.PolicyFor(partner.Tier)?.NudgesOrDefault ?? NudgeThresholds.Default;
        var calendar = snapshot.CalendarFor(partner.Id) ?? BusinessCalendar.DefaultFor(partner);
        var zone = TimeZoneInfo.FindSystemTimeZoneById(calendar.TimeZone);
        var today = DateOnly.FromDateTime(ZoneTimes.ToLocal(zone, now));
        var channels = snapshot.SharedChannels(partner);
        var channelUrl = channels is [var first, ..] ? platforms.ChannelLink(first) : null;
        var reasons = new List<NudgeReason>();

        var onboarded = ZoneTimes.ToInstant(zone, partner.OnboardedOn.ToDateTime(TimeOnly.MinValue));
        var passiveSince = ZoneTimes.ToInstant(zone, WorkingDaysBefore(calendar, today, thresholds.PassiveBusinessDays).ToDateTime(TimeOnly.MinValue));
        var quietSince = now - TimeSpan.FromDays(thresholds.QuietDays);
        var (lastPartner, lastOurs) = await LastMessagesAsync(partner, snapshot, passiveSince < quietSince ? passiveSince : quietSince, now, ct);
        if (onboarded <= passiveSince && lastPartner is null)
            reasons.Add(new(NudgeReasonKind.Passive, $"No message from {partner.Name} for {thresholds.PassiveBusinessDays}+ business days", "channel", channelUrl ?? ""));
        if (onboarded <= quietSince && lastOurs is null)
            reasons.Add(new(NudgeReasonKind.Quiet, $"Nobody on our side has written in their channel for {thresholds.QuietDays}+ days", "channel", channelUrl ?? ""));

        var partnerCheckIns = new List<CheckIn>();
        await foreach (var c in checkIns.ListAsync(partner.Id, ct)) partnerCheckIns.Add(c);
        var listedTickets = new List<Ticket>();
        await foreach (var t in tickets.ListListedByPartnerAsync(partner.Id, ct)) listedTickets.Add(t);

        var age = today.DayNumber - partner.OnboardedOn.DayNumber;
        if (age >= thresholds.OnboardingGraceDays && age < thresholds.OnboardingDays && !partnerCheckIns.Any(c => c.IsAnswered) && listedTickets.Count == 0
            && !await HasClosedTicketAsync(partner, ct))
            reasons.Add(new(NudgeReasonKind.OnboardingCliff, $"Onboarded {age} days ago: no check-in answered and no ticket yet", "channel", channelUrl ?? ""));

        var startOfToday = ZoneTimes.ToInstant(zone, today.ToDateTime(TimeOnly.MinValue));
        if (partnerCheckIns.LastOrDefault() is { IsAnswered: false } missed && now - missed.PostedAt <= MissedListedFor
            && (missed.RemindedAt < startOfToday || now - missed.PostedAt >= MissedWithoutReminder))
            reasons.Add(new(NudgeReasonKind.MissedCheckIn,
                $"Check-in of {ZoneTimes.ToLocal(zone, missed.ScheduledAt).ToString("d MMMM", CultureInfo.InvariantCulture)} not answered"
                + (missed.RemindedAt is null ? "" : ", even after the reminder"),
                "the card", await CardUrlAsync(missed, ct) ?? channelUrl ?? ""));

        foreach (var ticket in listedTickets.Where(t => t.Status.IsActive()).OrderBy(t => t.Id, StringComparer.Ordinal))
        {
            if (OverdueSince(ticket, now) is not { } due) continue;
            reasons.Add(new(NudgeReasonKind.OverdueTicket, $"Ticket overdue by {CardText.Duration(now - due)}: {CardText.Truncate(ticket.Question.ReplaceLineEndings(" "), 80)}",
                ticket.Id, platforms.ThreadLink(ticket.Thread, ticket.RootMessageId)));
        }
        return reasons.Count == 0 ? null : new PartnerNudgeLine(partner.Id, partner.Name, channelUrl, reasons);
    }

    // A partner whose only tickets are closed did ask us something: the listing above holds no closed ticket, the per-partner
    // index of opened tickets does. Read only for a partner in its onboarding window with nothing else to show.
    private async Task<bool> HasClosedTicketAsync(Partner partner, CancellationToken ct)
    {
        await foreach (var _ in tickets.ListOpenedByPartnerAsync(partner.Id, DateTimeOffset.UnixEpoch, DateTimeOffset.MaxValue, ct)) return true;
        return false;
    }

    // The latest message by someone from the partner, and by someone of ours, in the partner's shared channels (not DMs,
    // not triage channels, not the bot's own posts).
    private async Task<(DateTimeOffset? Partner, DateTimeOffset? Ours)> LastMessagesAsync(Partner partner, DirectorySnapshot snapshot, DateTimeOffset since,
        DateTimeOffset now, CancellationToken ct)
    {
        DateTimeOffset? theirs = null, ours = null;
        await foreach (var i in log.QueryAsync(partner.Id, since, now, ct))
        {
            if (i.Direction != InteractionDirection.Inbound || !MessageKinds.Contains(i.Kind) || snapshot.PartnerIdByChannel(i.Platform, i.ChannelId) != partner.Id) continue;
            if (i.AuthorKind == AuthorKind.Partner) theirs = i.Timestamp;
            else if (i.AuthorKind == AuthorKind.Internal) ours = i.Timestamp;
        }
        return (theirs, ours);
    }

    // The start of the n-th working day before `today` on the partner's calendar: "n business days" ends at today's start.
    private static DateOnly WorkingDaysBefore(BusinessCalendar calendar, DateOnly today, int n)
    {
        var day = today;
        for (var counted = 0; counted < n;)
        {
            day = day.AddDays(-1);
            if (calendar.IsWorkingDay(day)) counted++;
        }
        return day;
    }

    private static DateTimeOffset? OverdueSince(Ticket ticket, DateTimeOffset now) =>
        Enum.GetValues<SlaClockKind>().Select(k => ticket.Clock(k)).Where(c => c.IsRunning && c.DueAt < now).Min(c => c.DueAt);

    private async Task<string?> CardUrlAsync(CheckIn checkIn, CancellationToken ct)
    {
        if (status is null) return null;
        foreach (var post in checkIn.Posts)
            if ((await status.GetAsync(post.OutboxKey, ct))?.Message is { } card) return platforms.ThreadLink(card.Conversation, card.MessageId);
        return null;
    }
}
