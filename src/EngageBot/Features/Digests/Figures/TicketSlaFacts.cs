using EngageBot.Features.Tickets.Lifecycle;
using EngageBot.Scheduling.Calendars;

namespace EngageBot.Features.Digests.Figures;

/// <summary>
/// A ticket's SLA outcomes as the digest counts them, from the ticket's own targets (set from its tier's policy when it
/// opened, or made urgent) and the partner's business-hours calendar. First response: business time from opening to the
/// first response; missed once the deadline passes unanswered. Resolution: business time from opening to resolution,
/// waiting-on-partner time included (the ticket does not keep its paused spans), so the figure errs on the strict side.
/// </summary>
public sealed record TicketSlaFacts(Ticket Ticket, BusinessHoursCalendar Calendar)
{
    public DateTimeOffset FirstResponseDeadline => Calendar.Add(Ticket.OpenedAt, Ticket.FirstResponse.Target);

    public DateTimeOffset ResolutionDeadline => Calendar.Add(Ticket.OpenedAt, Ticket.Resolution.Target);

    public TimeSpan? FirstResponseBusinessTime => Ticket.FirstResponseAt is { } at ? Calendar.Between(Ticket.OpenedAt, at) : null;

    /// <summary>When the first-response outcome was decided (answered, or the deadline passed), or null while it is open at <paramref name="asOf"/>.</summary>
    public (DateTimeOffset At, bool Met)? FirstResponseOutcome(DateTimeOffset asOf)
    {
        if (Ticket.FirstResponseAt is { } answered && answered < asOf)
            return (answered, Calendar.Between(Ticket.OpenedAt, answered) <= Ticket.FirstResponse.Target);
        var deadline = FirstResponseDeadline;
        return deadline < asOf ? (deadline, false) : null;
    }

    public (DateTimeOffset At, bool Met)? ResolutionOutcome(DateTimeOffset asOf)
    {
        if (Ticket.ResolvedAt is { } resolved && resolved < asOf)
            return (resolved, Calendar.Between(Ticket.OpenedAt, resolved) <= Ticket.Resolution.Target);
        if (Ticket.Status is TicketStatus.WaitingOnPartner or TicketStatus.Closed) return null; // the clock is not ours to miss
        var deadline = ResolutionDeadline;
        return deadline < asOf ? (deadline, false) : null;
    }
}
