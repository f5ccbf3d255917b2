using EngageBot.Storage;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace EngageBot.Hosting.Health;

/// <summary>One point read of the probe row StorageStartupCheck uses: proves the store answers with our credentials.</summary>
internal sealed class StorageHealthCheck(IRecordStore store, ILogger<StorageHealthCheck> logger) : IHealthCheck
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(3);

    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        using var cts = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        cts.CancelAfter(Timeout);
        try
        {
            await store.Table("meta").GetAsync("startup", "probe", cts.Token);
            return HealthCheckResult.Healthy("reachable");
        }
        catch (Exception e) when (e is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            logger.LogWarning(e, "Readiness: storage is not reachable");
            return HealthCheckResult.Unhealthy("not reachable");
        }
    }
}
