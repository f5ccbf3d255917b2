using Microsoft.Extensions.DependencyInjection.Extensions;
using Quartz;

namespace EngageBot.Scheduling;

/// <summary>
/// One Quartz registration for the whole service. Features add their jobs with <see cref="AddScheduledJob{TJob}"/> and their
/// due indexes and claim ledgers with <see cref="AddDueIndex"/> / <see cref="AddClaimLedger"/>; <see cref="AddScheduling"/>
/// runs after every feature module and hands the jobs to Quartz, whose hosted service waits for running jobs on shutdown.
/// </summary>
public static class SchedulingModule
{
    public static WebApplicationBuilder AddScheduling(this WebApplicationBuilder builder)
    {
        var jobs = Registry(builder.Services);
        jobs.Seal();
        builder.Services.AddQuartz(q =>
        {
            foreach (var job in jobs.Jobs)
            {
                q.AddJob(job.JobType, j => j.WithIdentity(job.Key));
                q.AddTrigger(t => t.ForJob(job.Key).WithIdentity(job.Key.Name, job.Key.Group).StartNow()
                    .WithSimpleSchedule(s => s.WithInterval(job.Interval).RepeatForever()));
            }
        });
        builder.Services.AddQuartzHostedService(o => o.WaitForJobsToComplete = true);
        builder.Services.AddSingleton<ScheduledJobTrigger>();
        return builder;
    }

    /// <summary>Runs <typeparamref name="TJob"/> every <paramref name="interval"/> (one run at a time per instance when the job says so).</summary>
    public static IServiceCollection AddScheduledJob<TJob>(this IServiceCollection services, JobKey key, TimeSpan interval) where TJob : class, IJob
    {
        Registry(services).Add(new ScheduledJob(typeof(TJob), key, interval));
        services.TryAddTransient<TJob>();
        return services;
    }

    /// <summary>A <see cref="DueIndex"/> over table <paramref name="table"/>, injected with <c>[FromKeyedServices(table)]</c>.</summary>
    public static IServiceCollection AddDueIndex(this IServiceCollection services, string table)
    {
        services.TryAddKeyedSingleton(table, (sp, _) => new DueIndex(sp.GetRequiredService<Storage.IRecordStore>(), sp.GetRequiredService<TimeProvider>(), table));
        return services;
    }

    /// <summary>A <see cref="ClaimLedger"/> over table <paramref name="table"/>, injected with <c>[FromKeyedServices(table)]</c>.</summary>
    public static IServiceCollection AddClaimLedger(this IServiceCollection services, string table)
    {
        services.TryAddKeyedSingleton(table, (sp, _) => new ClaimLedger(sp.GetRequiredService<Storage.IRecordStore>(), sp.GetRequiredService<TimeProvider>(), table));
        return services;
    }

    private static ScheduledJobs Registry(IServiceCollection services)
    {
        if (services.FirstOrDefault(d => d.ServiceType == typeof(ScheduledJobs))?.ImplementationInstance is ScheduledJobs existing) return existing;
        var jobs = new ScheduledJobs();
        services.AddSingleton(jobs);
        return jobs;
    }
}
