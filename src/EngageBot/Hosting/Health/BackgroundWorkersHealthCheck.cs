using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace EngageBot.Hosting.Health;

/// <summary>
/// Every BackgroundService (inbox processor, outbox sender, socket mode) has started and none has died: a dead
/// worker leaves the HTTP side accepting events nobody handles. A worker that finished cleanly chose not to run
/// (socket mode when Slack uses HTTP) and is fine.
/// </summary>
internal sealed class BackgroundWorkersHealthCheck(IEnumerable<IHostedService> hosted) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var down = hosted.OfType<BackgroundService>()
            .Where(s => s.ExecuteTask is null || s.ExecuteTask.IsFaulted || s.ExecuteTask.IsCanceled)
            .Select(s => s.GetType().Name)
            .ToList();
        return Task.FromResult(down.Count == 0
            ? HealthCheckResult.Healthy("running")
            : HealthCheckResult.Unhealthy("not running: " + string.Join(", ", down)));
    }
}
