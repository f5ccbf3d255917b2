using Quartz;

namespace EngageBot.Features.CheckIns.Schedule;

/// <summary>The Quartz trigger for <see cref="CheckInSweeper"/>: thin, one run at a time per instance.</summary>
[DisallowConcurrentExecution]
public sealed class CheckInSweepJob(CheckInSweeper sweeper) : IJob
{
    public static readonly JobKey Key = new("checkin-sweep", "checkins");

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken) =>
        await sweeper.SweepAsync(cancellationToken);
}
