using EngageBot.Features.Tickets.Lifecycle;
using EngageBot.Scheduling.Calendars;

namespace EngageBot.Features.Digests.Figures;

/// <summary>
/// A ticket's SLA outcomes as the digest counts them, from the ticket's own targets (set from its tier's policy when it
/// opened, or made urgent) and the partner's business-hours calendar. Each clock is decided once, in the week it was
/// decided: met when the answer (or resolution) came within the target's business time, missed at the deadline when it
/// did not. Resolution counts waiting-on-partner time too (the ticket does not keep its paused spans), so that figure errs
/// on the strict side; a ticket waiting on the partner or closed unresolved is not missed.
/// </summary>
public sealed record TicketSlaFacts(Ticket Ticket, BusinessHoursCalendar Calendar)
{
    public DateTimeOffset FirstResponseDeadline => Calendar.Add(Ticket.OpenedAt, Ticket.FirstResponse.Target);

    public DateTimeOffset ResolutionDeadline => Calendar.Add(Ticket.OpenedAt, Ticket.Resolution.Target);

    public TimeSpan? FirstResponseBusinessTime => Ticket.FirstResponseAt is { } at ? Calendar.Between(Ticket.OpenedAt, at) : null;

    /// <summary>When the first-response clock was decided and whether it was met, or null while it is open at <paramref name="asOf"/>.</summary>
    public (DateTimeOffset At, bool Met)? FirstResponseOutcome(DateTimeOffset asOf) =>
        Outcome(Ticket.FirstResponseAt, Ticket.FirstResponse.Target, FirstResponseDeadline, asOf, canMiss: true);

    public (DateTimeOffset At, bool Met)? ResolutionOutcome(DateTimeOffset asOf) =>
        Outcome(Ticket.ResolvedAt, Ticket.Resolution.Target, ResolutionDeadline, asOf,
            canMiss: Ticket.ResolvedAt is not null || Ticket.Status is not (TicketStatus.WaitingOnPartner or TicketStatus.Closed));

    private (DateTimeOffset At, bool Met)? Outcome(DateTimeOffset? doneAt, TimeSpan target, DateTimeOffset deadline, DateTimeOffset asOf, bool canMiss)
    {
        if (doneAt is { } done && done < asOf && Calendar.Between(Ticket.OpenedAt, done) <= target) return (done, true);
        return canMiss && deadline < asOf ? (deadline, false) : null;
    }
}
