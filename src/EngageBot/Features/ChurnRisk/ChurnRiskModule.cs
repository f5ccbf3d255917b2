using EngageBot.Cli;
using EngageBot.Features.ChurnRisk.Cli;
using EngageBot.Features.ChurnRisk.Detection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace EngageBot.Features.ChurnRisk;

public static class ChurnRiskModule
{
    public static WebApplicationBuilder AddChurnRisk(this WebApplicationBuilder builder)
    {
        builder.Services.AddChurnDetection();
        builder.Services.TryAddSingleton<ICustomerNameSource, NoCustomerNames>();
        builder.Services.AddCliCommand<ClassifyCommand>();
        return builder;
    }
}
