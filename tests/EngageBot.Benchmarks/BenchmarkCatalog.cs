namespace EngageBot.Benchmarks;

/// <summary>Every benchmark by the name given on the command line.</summary>
public static class BenchmarkCatalog
{
    public static IReadOnlyDictionary<string, IBenchmark> All { get; } = new SortedDictionary<string, IBenchmark>(StringComparer.Ordinal)
    {
        ["sla-sweep"] = new Tickets.SlaSweepBenchmark(),
    };
}
