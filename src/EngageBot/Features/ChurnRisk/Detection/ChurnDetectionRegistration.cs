using EngageBot.Hosting;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace EngageBot.Features.ChurnRisk.Detection;

public static class ChurnDetectionRegistration
{
    /// <summary>The rules detector always; IChurnDetector is the one EngageBot:ChurnRisk:Detection:Provider names.</summary>
    public static IServiceCollection AddChurnDetection(this IServiceCollection services)
    {
        services.AddValidatedOptions<ChurnDetectionOptions>(ChurnDetectionOptions.Section);
        services.AddSingleton<IValidateOptions<ChurnDetectionOptions>, ChurnModelRequirement>();
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<RulesChurnDetector>();
        services.TryAddSingleton<OpenAiChurnDetector>();
        services.TryAddSingleton<IChurnDetector>(sp => sp.GetRequiredService<IOptions<ChurnDetectionOptions>>().Value.Provider switch
        {
            ChurnDetectorProvider.OpenAI => sp.GetRequiredService<OpenAiChurnDetector>(),
            _ => sp.GetRequiredService<RulesChurnDetector>(),
        });
        return services;
    }
}
