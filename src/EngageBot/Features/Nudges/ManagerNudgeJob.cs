using Quartz;

namespace EngageBot.Features.Nudges;

/// <summary>The Quartz trigger for <see cref="ManagerNudgeSweeper"/>: thin, one run at a time per instance.</summary>
[DisallowConcurrentExecution]
public sealed class ManagerNudgeJob(ManagerNudgeSweeper sweeper) : IJob
{
    public static readonly JobKey Key = new("daily-nudge-sweep", "nudges");

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken) =>
        await sweeper.SweepAsync(cancellationToken);
}
