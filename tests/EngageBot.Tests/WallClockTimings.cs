namespace EngageBot.Tests;

/// <summary>
/// Tests that assert a wall-clock bound run alone, after the parallel ones: on the 2-core CI machine the rest of the
/// suite running beside them delayed a 2 s store deadline to 2.65 s, past the margin the test measures.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class WallClockTimings
{
    public const string Name = "Wall-clock timings";
}
