using Azure.Data.Tables;
using EngageBot.Storage;
using EngageBot.Storage.AzureTables;
using EngageBot.TestSupport;

namespace EngageBot.Tests.Scheduling;

/// <summary>
/// The shape of the "two service instances on one Azurite store" tests: each instance opens its own store client over
/// one table prefix, and both sweep at the same moments.
/// </summary>
public static class TwoInstances
{
    private static int _counter;

    /// <summary>Opens a new client (as another process would) over tables named with a prefix unique to the calling test.</summary>
    public static Func<IRecordStore> AzuriteStores(AzuriteServer azurite, string feature)
    {
        var prefix = feature + Interlocked.Increment(ref _counter);
        return () => new AzureTablesRecordStore(new TableServiceClient(azurite.ConnectionString), prefix);
    }

    /// <summary>Sets the clock to <paramref name="at"/> and runs every sweep at once.</summary>
    public static async Task SweepTogetherAsync(ManualTimeProvider clock, DateTimeOffset at, params Func<Task>[] sweeps)
    {
        clock.SetUtcNow(at);
        await Task.WhenAll(sweeps.Select(sweep => sweep()));
    }
}
