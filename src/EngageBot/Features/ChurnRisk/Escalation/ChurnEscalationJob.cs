using Quartz;

namespace EngageBot.Features.ChurnRisk.Escalation;

/// <summary>The Quartz trigger for <see cref="ChurnEscalationSweeper"/>: thin, one run at a time per instance.</summary>
[DisallowConcurrentExecution]
public sealed class ChurnEscalationJob(ChurnEscalationSweeper sweeper) : IJob
{
    public static readonly JobKey Key = new("churn-escalation-sweep", "churn-risk");

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken) =>
        await sweeper.SweepAsync(cancellationToken);
}
