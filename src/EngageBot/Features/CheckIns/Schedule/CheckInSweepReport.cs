namespace EngageBot.Features.CheckIns.Schedule;

/// <summary>What one check-in sweep did (logged, and asserted on by tests and the benchmark).</summary>
public sealed class CheckInSweepReport
{
    public int Rescheduled { get; set; }
    public int Read { get; set; }
    public int Posted { get; set; }
    public int Reminded { get; set; }
    public int Skipped { get; set; }
    public int Stale { get; set; }
    public int Failed { get; set; }

    public override string ToString() =>
        $"{Rescheduled} rescheduled, {Read} due, {Posted} posted, {Reminded} reminded, {Skipped} skipped, {Stale} stale, {Failed} failed";
}
