using EngageBot.Cli;
using EngageBot.Features.ChurnRisk.Cli;
using EngageBot.Features.ChurnRisk.Detection;
using EngageBot.Features.ChurnRisk.Escalation;
using EngageBot.Hosting;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Quartz;

namespace EngageBot.Features.ChurnRisk;

public static class ChurnRiskModule
{
    public static WebApplicationBuilder AddChurnRisk(this WebApplicationBuilder builder)
    {
        builder.Services.AddChurnDetection();
        builder.Services.TryAddSingleton<ICustomerNameSource, NoCustomerNames>();
        builder.Services.AddCliCommand<ClassifyCommand>();
        builder.Services.AddCliCommand<RisksListCommand>();

        builder.Services.AddValidatedOptions<ChurnEscalationOptions>(ChurnEscalationOptions.Section);
        builder.Services.AddChurnEscalationServices().AddChurnEscalationHandlers();
        var interval = builder.Configuration.GetValue<TimeSpan?>($"{ChurnEscalationOptions.Section}:SweepInterval") ?? new ChurnEscalationOptions().SweepInterval;
        builder.Services.AddQuartz(q => q.ScheduleJob<ChurnEscalationJob>(
            trigger => trigger.WithIdentity("churn-escalation-sweep", "churn-risk").StartNow()
                .WithSimpleSchedule(s => s.WithInterval(interval).RepeatForever()),
            job => job.WithIdentity(ChurnEscalationJob.Key)));
        builder.Services.AddQuartzHostedService(o => o.WaitForJobsToComplete = true);
        return builder;
    }
}
