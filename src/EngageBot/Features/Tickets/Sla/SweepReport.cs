namespace EngageBot.Features.Tickets.Sla;

/// <summary>What one sweep did: entries read, nudges enqueued, deferred to working hours, tickets auto-closed, stale or skipped entries.</summary>
public sealed class SweepReport
{
    public int Read { get; set; }
    public int Nudged { get; set; }
    public int Deferred { get; set; }
    public int Closed { get; set; }
    public int Stale { get; set; }
    public int Skipped { get; set; }
    public int Failed { get; set; }

    public override string ToString() =>
        $"read {Read}, nudged {Nudged}, deferred {Deferred}, closed {Closed}, stale {Stale}, skipped {Skipped}, failed {Failed}";
}
