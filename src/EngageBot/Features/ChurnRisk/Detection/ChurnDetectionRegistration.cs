using Microsoft.Extensions.DependencyInjection.Extensions;

namespace EngageBot.Features.ChurnRisk.Detection;

public static class ChurnDetectionRegistration
{
    /// <summary>The rules detector, always; the configured detector as IChurnDetector.</summary>
    public static IServiceCollection AddChurnDetection(this IServiceCollection services)
    {
        services.TryAddSingleton<RulesChurnDetector>();
        services.TryAddSingleton<IChurnDetector>(sp => sp.GetRequiredService<RulesChurnDetector>());
        return services;
    }
}
