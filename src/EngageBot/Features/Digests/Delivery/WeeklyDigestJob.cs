using Quartz;

namespace EngageBot.Features.Digests.Delivery;

/// <summary>The Quartz trigger for <see cref="WeeklyDigestSweeper"/>: thin, one run at a time per instance.</summary>
[DisallowConcurrentExecution]
public sealed class WeeklyDigestJob(WeeklyDigestSweeper sweeper) : IJob
{
    public static readonly JobKey Key = new("weekly-digest", "digests");

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken) =>
        await sweeper.SweepAsync(cancellationToken);
}
