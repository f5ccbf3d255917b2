using Microsoft.Extensions.Diagnostics.HealthChecks;
using Quartz;

namespace EngageBot.Hosting.Health;

/// <summary>The Quartz scheduler that fires SLA sweeps, escalations and check-ins is running (not created, standby or shut down).</summary>
internal sealed class SchedulersHealthCheck(IServiceProvider services) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        // Optional: a host without scheduled features (some test hosts) has no scheduler, which is not a failure.
        if (services.GetService<ISchedulerFactory>() is not { } factory) return HealthCheckResult.Healthy("none");
        var schedulers = await factory.GetAllSchedulers(cancellationToken);
        if (schedulers.Count == 0) return HealthCheckResult.Unhealthy("not started");
        var idle = new List<string>();
        foreach (var scheduler in schedulers)
            if (await scheduler.GetStatus(cancellationToken) != SchedulerStatus.Running)
                idle.Add(scheduler.SchedulerName);
        return idle.Count == 0
            ? HealthCheckResult.Healthy($"{schedulers.Count} running")
            : HealthCheckResult.Unhealthy("not running: " + string.Join(", ", idle));
    }
}
