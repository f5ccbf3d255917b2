namespace EngageBot.Benchmarks;

/// <summary>Every benchmark by the name given on the command line.</summary>
public static class BenchmarkCatalog
{
    public static IReadOnlyDictionary<string, IBenchmark> All { get; } = new SortedDictionary<string, IBenchmark>(StringComparer.Ordinal)
    {
        ["interactions"] = new Interactions.InteractionsBenchmark(),
        ["outbox-pacing"] = new OutboxPacing.OutboxPacingBenchmark(),
        ["directory-lookup"] = new DirectoryLookupBenchmark(),
        ["slack-ack"] = new SlackAck.SlackAckBenchmark(),
        ["slack-outbound"] = new OutboxPacing.SlackOutboundBenchmark(),
        ["classify"] = new ClassifyBenchmark(),
        ["churn-model"] = new ChurnModelBenchmark(),
        ["sla-sweep"] = new Tickets.SlaSweepBenchmark(),
        ["checkin-sweep"] = new CheckIns.CheckInSweepBenchmark(),
        ["digest"] = new Digests.DigestBenchmark(),
    };
}
