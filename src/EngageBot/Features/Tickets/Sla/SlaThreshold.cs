namespace EngageBot.Features.Tickets.Sla;

public enum ThresholdLevel { Warning, Breach, EscalateBackup, EscalateSponsor, AutoClose }

/// <summary>
/// A moment at which the sweeper acts on a ticket. <see cref="Key"/> names it for life ("FirstResponse.Breach.1"),
/// so the nudge ledger can hold one claim per threshold per ticket.
/// </summary>
public sealed record SlaThreshold(SlaClockKind Clock, ThresholdLevel Level, int Cycle, DateTimeOffset DueAt)
{
    public string Key => $"{Clock}.{Level}.{Cycle}";
}
