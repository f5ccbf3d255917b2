using EngageBot.Features.Tickets.Lifecycle;

namespace EngageBot.Features.Tickets.Sla;

/// <summary>
/// Derives every pending threshold from a ticket's stored state. The due index is a copy of this list; the sweeper
/// recomputes it from the ticket to tell live index entries from stale ones.
/// </summary>
public static class TicketThresholds
{
    public static IReadOnlyList<SlaThreshold> Pending(Ticket ticket)
    {
        var list = new List<SlaThreshold>();
        if (ticket.Status == TicketStatus.Closed) return list;
        foreach (var kind in new[] { SlaClockKind.FirstResponse, SlaClockKind.NextResponse, SlaClockKind.Resolution })
        {
            var clock = ticket.Clock(kind);
            if (!clock.IsRunning || clock.DueAt is not { } due) continue;
            if (clock.WarnAt is { } warn && warn < due) list.Add(new(kind, ThresholdLevel.Warning, clock.Cycle, warn));
            list.Add(new(kind, ThresholdLevel.Breach, clock.Cycle, due));
            if (ticket.EscalationDelay > TimeSpan.Zero)
            {
                list.Add(new(kind, ThresholdLevel.EscalateBackup, clock.Cycle, due + ticket.EscalationDelay));
                list.Add(new(kind, ThresholdLevel.EscalateSponsor, clock.Cycle, due + 2 * ticket.EscalationDelay));
            }
        }
        if (ticket.Status == TicketStatus.Resolved && ticket.ResolvedAt is { } resolved)
            list.Add(new(SlaClockKind.Resolution, ThresholdLevel.AutoClose, ticket.Resolution.Cycle, resolved + ticket.ReopenWindow));
        return list;
    }

    public static SlaThreshold? Find(Ticket ticket, string key) => Pending(ticket).FirstOrDefault(t => t.Key == key);
}
