using EngageBot.Ai;
using Microsoft.Extensions.Options;

namespace EngageBot.Features.ChurnRisk.Detection;

/// <summary>The OpenAI detector needs the shared model (EngageBot:AI): without one, start-up stops naming the keys.</summary>
internal sealed class ChurnModelRequirement(IOptions<AiOptions> ai) : IValidateOptions<ChurnDetectionOptions>
{
    public ValidateOptionsResult Validate(string? name, ChurnDetectionOptions options) =>
        options.Provider != ChurnDetectorProvider.OpenAI || ai.Value.IsConfigured
            ? ValidateOptionsResult.Success
            : ValidateOptionsResult.Fail($"{ChurnDetectionOptions.Section}:Provider is OpenAI, which needs a model: set {AiOptions.Section}:Endpoint, Model and ApiKey (or UseEntraId).");
}
