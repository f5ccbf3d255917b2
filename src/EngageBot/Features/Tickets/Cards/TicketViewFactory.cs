using System.Globalization;
using EngageBot.Cards;
using EngageBot.Channels;
using EngageBot.Features.Tickets.Lifecycle;
using EngageBot.Features.Tickets.Policy;
using EngageBot.Features.Tickets.Sla;

namespace EngageBot.Features.Tickets.Cards;

/// <summary>Builds the <see cref="TicketView"/> the cards and answers show, reading the SLA clock at "now".</summary>
public sealed class TicketViewFactory(TimeProvider time, Channels.ChatPlatforms platforms)
{
    public TicketView Create(Ticket ticket, PartnerTicketPolicy? policy)
    {
        var now = time.GetUtcNow();
        var running = new[] { SlaClockKind.FirstResponse, SlaClockKind.NextResponse, SlaClockKind.Resolution }
            .Select(k => (Kind: k, Clock: ticket.Clock(k)))
            .Where(c => c.Clock is { IsRunning: true, DueAt: not null })
            .OrderBy(c => c.Clock.DueAt)
            .FirstOrDefault();
        string? clock = null, state = null, note = null, left = null;
        DateTimeOffset? dueAt = null, warnAt = null;
        if (running.Clock is { DueAt: { } due } c)
        {
            var local = policy is null ? due : TimeZoneInfo.ConvertTime(due, TimeZoneInfo.FindSystemTimeZoneById(policy.Calendar.TimeZoneId));
            clock = $"{Describe(running.Kind)} due {local.ToString("ddd yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture)} ({policy?.Calendar.TimeZoneId ?? "UTC"})";
            (dueAt, warnAt) = (due, c.WarnAt);
            state = now >= due ? "breached" : c.WarnAt is { } warn && now >= warn ? "warning" : "ok";
            if (state == "breached") note = $"{Describe(running.Kind)} SLA breached; escalation follows the partner's chain.";
            // Wall-clock time to the due instant (which is business-time based): what the reader can plan with.
            var kind = Describe(running.Kind).ToLowerInvariant();
            left = now < due ? $"{CardText.Duration(due - now)} left ({kind})" : $"overdue by {CardText.Duration(now - due)} ({kind})";
        }
        else if (ticket.Status == TicketStatus.WaitingOnPartner)
        {
            clock = $"Resolution clock paused ({ticket.Resolution.Used.TotalHours:0.#} business hours used)";
            left = clock;
        }
        return new TicketView(
            ticket.Id,
            ticket.PartnerId,
            policy?.PartnerName ?? ticket.PartnerId,
            Describe(ticket.Status),
            ticket.Urgency == TicketUrgency.Urgent,
            ticket.Question,
            ticket.OpenedBy.Display,
            ticket.OpenedAt,
            ticket.Assignee?.Display,
            platforms.ThreadLink(ticket.Thread, ticket.RootMessageId),
            policy?.Tier ?? "",
            clock,
            state,
            note,
            dueAt,
            warnAt,
            left);
    }

    public static string Describe(TicketStatus status) => status switch
    {
        TicketStatus.Open => "Open",
        TicketStatus.Responded => "In progress",
        TicketStatus.WaitingOnPartner => "Waiting on partner",
        TicketStatus.Resolved => "Resolved",
        TicketStatus.Reopened => "Reopened",
        _ => "Closed",
    };

    private static string Describe(SlaClockKind kind) => kind switch
    {
        SlaClockKind.FirstResponse => "First response",
        SlaClockKind.NextResponse => "Next response",
        _ => "Resolution",
    };
}
