using Quartz;

namespace EngageBot.Features.Tickets.Sla;

/// <summary>The Quartz trigger for <see cref="TicketSlaSweeper"/>: thin, one run at a time per instance.</summary>
[DisallowConcurrentExecution]
public sealed class TicketSlaSweepJob(TicketSlaSweeper sweeper) : IJob
{
    public static readonly JobKey Key = new("ticket-sla-sweep", "tickets");

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken) =>
        await sweeper.SweepAsync(cancellationToken);
}
