using EngageBot.Cli;
using EngageBot.Features.ChurnRisk.Cli;
using EngageBot.Features.ChurnRisk.Detection;
using EngageBot.Features.ChurnRisk.Escalation;
using EngageBot.Hosting;
using EngageBot.Scheduling;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace EngageBot.Features.ChurnRisk;

public static class ChurnRiskModule
{
    public static WebApplicationBuilder AddChurnRisk(this WebApplicationBuilder builder)
    {
        builder.Services.AddChurnDetection();
        builder.Services.TryAddSingleton<ICustomerNameSource, NoCustomerNames>();
        builder.Services.AddCliCommand<ClassifyCommand>();
        builder.Services.AddCliCommand<ChurnModelTrainCommand>();
        builder.Services.AddCliCommand<ChurnModelEvaluateCommand>();
        builder.Services.AddCliCommand<RisksListCommand>();

        builder.Services.AddValidatedOptions<ChurnEscalationOptions>(ChurnEscalationOptions.Section);
        builder.Services.AddChurnEscalationServices().AddChurnEscalationHandlers();
        var interval = builder.Configuration.GetValue<TimeSpan?>($"{ChurnEscalationOptions.Section}:SweepInterval") ?? new ChurnEscalationOptions().SweepInterval;
        builder.Services.AddScheduledJob<ChurnEscalationJob>(ChurnEscalationJob.Key, interval);
        return builder;
    }
}
