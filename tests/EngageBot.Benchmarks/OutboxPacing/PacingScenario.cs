namespace EngageBot.Benchmarks.OutboxPacing;

/// <summary>
/// The outbox benchmarks' shared scenario: N messages spread evenly over C channels, against a platform allowing
/// <see cref="Rate"/> messages a second per channel after a burst. Options: --messages 1000 --channels 100 --rate 1 --burst 3.
/// </summary>
internal sealed record PacingScenario(int Messages, int Channels, double Rate, int Burst)
{
    public static PacingScenario Parse(string[] args) => new(
        BenchmarkArgs.Option(args, "--messages", 1000),
        BenchmarkArgs.Option(args, "--channels", 100),
        BenchmarkArgs.Option(args, "--rate", 1.0),
        BenchmarkArgs.Option(args, "--burst", 3));

    /// <summary>The fastest any sender could finish: the busiest channel's messages past its burst, at the per-channel rate.</summary>
    public TimeSpan Minimum => TimeSpan.FromSeconds(Math.Max(0, Math.Ceiling(Messages / (double)Channels) - Burst) / Rate);
}
