using Quartz;

namespace EngageBot.Scheduling;

/// <summary>
/// The jobs features asked for, collected while modules register and handed to Quartz once by
/// <see cref="SchedulingModule.AddScheduling"/>. Kept as an instance in the service collection so every module sees the same list.
/// </summary>
public sealed class ScheduledJobs
{
    private readonly List<ScheduledJob> _jobs = [];

    public IReadOnlyList<ScheduledJob> Jobs => _jobs;

    /// <summary>Set once Quartz is configured: a job registered later would silently never run, so it throws instead.</summary>
    public bool Sealed { get; private set; }

    public void Add(ScheduledJob job)
    {
        if (Sealed)
            throw new InvalidOperationException($"Job {job.Key} was registered after AddScheduling(); register feature jobs before scheduling is configured.");
        if (_jobs.Any(j => j.Key.Equals(job.Key)))
            throw new InvalidOperationException($"Job {job.Key} is registered twice.");
        _jobs.Add(job);
    }

    public void Seal() => Sealed = true;
}

/// <summary>A thin job run every <see cref="Interval"/> on each instance; the work it calls claims what it sends.</summary>
public sealed record ScheduledJob(Type JobType, JobKey Key, TimeSpan Interval);
