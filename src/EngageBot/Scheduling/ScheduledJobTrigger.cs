using System.Collections.Concurrent;
using Quartz;
using System.Diagnostics;

namespace EngageBot.Scheduling;

/// <summary>
/// Runs every scheduled job now, out of turn, and waits until each has run. Quartz fires on real time; when the service's
/// clock jumps (the playground's clock control) the sweeps would otherwise see the new time only at their next interval.
/// </summary>
public sealed class ScheduledJobTrigger(ISchedulerFactory schedulers, ScheduledJobs jobs) : IJobListener
{
    private readonly ConcurrentDictionary<JobKey, long> _runs = new();
    private int _listening;

    public string Name => nameof(ScheduledJobTrigger);

    public async Task RunAllNowAsync(CancellationToken cancellationToken, TimeSpan? timeout = null)
    {
        var scheduler = await schedulers.GetScheduler(cancellationToken);
        if (Interlocked.Exchange(ref _listening, 1) == 0)
            scheduler.ListenerManager.AddJobListener(this);
        var before = jobs.Jobs.ToDictionary(j => j.Key, j => _runs.GetValueOrDefault(j.Key));
        foreach (var job in jobs.Jobs)
            await scheduler.TriggerJob(job.Key, cancellationToken);
        // Real elapsed time on purpose: the service's clock may be the playground's.
        var waited = Stopwatch.StartNew();
        while (before.Any(b => _runs.GetValueOrDefault(b.Key) <= b.Value) && waited.Elapsed < (timeout ?? TimeSpan.FromSeconds(30)))
            await Task.Delay(50, cancellationToken);
    }

    public ValueTask JobToBeExecuted(IJobExecutionContext context, CancellationToken cancellationToken = default) => ValueTask.CompletedTask;

    public ValueTask JobExecutionVetoed(IJobExecutionContext context, CancellationToken cancellationToken = default) => ValueTask.CompletedTask;

    public ValueTask JobWasExecuted(IJobExecutionContext context, JobExecutionException? jobException, CancellationToken cancellationToken = default)
    {
        _runs.AddOrUpdate(context.JobDetail.Key, 1, (_, n) => n + 1);
        return ValueTask.CompletedTask;
    }
}
