namespace EngageBot.Features.Nudges;

/// <summary>What one daily-nudge sweep did (logged, and asserted on by tests).</summary>
public sealed class ManagerNudgeSweepReport
{
    public int Planned { get; set; }
    public int Read { get; set; }
    public int Sent { get; set; }
    public int Empty { get; set; }
    public int Skipped { get; set; }
    public int Stale { get; set; }
    public int Unreachable { get; set; }
    public int Failed { get; set; }

    public override string ToString() =>
        $"{Planned} planned, {Read} due, {Sent} sent, {Empty} with nothing to say, {Skipped} skipped, {Stale} stale, {Unreachable} unreachable, {Failed} failed";
}
