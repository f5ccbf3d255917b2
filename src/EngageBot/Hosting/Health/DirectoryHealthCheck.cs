using EngageBot.Features.Directory;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace EngageBot.Hosting.Health;

/// <summary>The directory snapshot every event is routed with has loaded (served from cache between refreshes).</summary>
internal sealed class DirectoryHealthCheck(DirectoryReader directory, ILogger<DirectoryHealthCheck> logger) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            var snapshot = await directory.GetSnapshotAsync(cancellationToken);
            return HealthCheckResult.Healthy($"version {snapshot.Version}, {snapshot.Partners.Count} partners");
        }
        catch (Exception e) when (e is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            logger.LogWarning(e, "Readiness: the partner directory could not be loaded");
            return HealthCheckResult.Unhealthy("not loaded");
        }
    }
}
