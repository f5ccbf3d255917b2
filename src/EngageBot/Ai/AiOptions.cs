using System.ComponentModel.DataAnnotations;

namespace EngageBot.Ai;

/// <summary>Which client library talks to <see cref="AiOptions.Endpoint"/>.</summary>
public enum AiService
{
    /// <summary>Azure OpenAI when the host is an Azure OpenAI / AI Services host, else OpenAI-compatible.</summary>
    Auto,
    AzureOpenAI,
    OpenAI,
}

/// <summary>
/// EngageBot:AI — the one chat model every feature uses (through IChatClient). Unset Endpoint means no model:
/// features that need one say so at start-up when they are switched on.
/// </summary>
public sealed class AiOptions : IValidatableObject
{
    public const string Section = "EngageBot:AI";

    /// <summary>Azure OpenAI resource (https://RESOURCE.openai.azure.com/) or any OpenAI-compatible base URL (https://api.openai.com/v1).</summary>
    public string? Endpoint { get; set; }

    public AiService Service { get; set; } = AiService.Auto;

    public string? ApiKey { get; set; }

    /// <summary>Authenticate with Microsoft Entra ID (DefaultAzureCredential: managed identity, az login, …) instead of a key.</summary>
    public bool UseEntraId { get; set; }

    /// <summary>Token scope for Entra ID on OpenAI-compatible endpoints; Azure OpenAI's client uses its own.</summary>
    public string EntraScope { get; set; } = "https://cognitiveservices.azure.com/.default";

    /// <summary>The model name, or on Azure the deployment name (Deployment is an alias).</summary>
    public string? Model { get; set; }

    public string? Deployment { get; set; }

    /// <summary>Network timeout of one request. Callers add their own, shorter deadlines.</summary>
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(30);

    public string? EffectiveModel => string.IsNullOrWhiteSpace(Deployment) ? Model : Deployment;

    public bool IsConfigured => !string.IsNullOrWhiteSpace(Endpoint);

    public bool UsesAzureOpenAI => Service == AiService.AzureOpenAI
        || (Service == AiService.Auto && Uri.TryCreate(Endpoint, UriKind.Absolute, out var uri) && IsAzureHost(uri.Host));

    private static bool IsAzureHost(string host) =>
        host.EndsWith(".openai.azure.com", StringComparison.OrdinalIgnoreCase)
        || host.EndsWith(".cognitiveservices.azure.com", StringComparison.OrdinalIgnoreCase);

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (Timeout <= TimeSpan.Zero) yield return Fail($"{Section}:Timeout must be positive (e.g. 00:00:30)", nameof(Timeout));
        if (!IsConfigured) yield break;
        if (!Uri.TryCreate(Endpoint, UriKind.Absolute, out var uri) || uri.Scheme is not ("https" or "http"))
            yield return Fail($"{Section}:Endpoint must be an absolute http(s) URL, e.g. https://RESOURCE.openai.azure.com/", nameof(Endpoint));
        if (string.IsNullOrWhiteSpace(EffectiveModel))
            yield return Fail($"{Section}:Model (or Deployment) is required when {Section}:Endpoint is set", nameof(Model));
        if (UseEntraId && !string.IsNullOrWhiteSpace(ApiKey))
            yield return Fail($"{Section}: set ApiKey or UseEntraId, not both", nameof(ApiKey));
        if (!UseEntraId && string.IsNullOrWhiteSpace(ApiKey))
            yield return Fail($"{Section}:ApiKey is required when {Section}:Endpoint is set, unless UseEntraId is true", nameof(ApiKey));
    }

    private static ValidationResult Fail(string message, string member) => new(message, [member]);
}
