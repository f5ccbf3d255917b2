using System.ComponentModel.DataAnnotations;

namespace EngageBot.Features.ChurnRisk.Detection;

public enum ChurnDetectorProvider { Embedding, Rules, OpenAI }

/// <summary>
/// EngageBot:ChurnRisk:Detection. Embedding (default): a local sentence-embedding model and trained classifier beside
/// the rules; Rules: the rules alone; OpenAI: the embedding detector, and a language model asked about uncertain messages.
/// </summary>
public sealed class ChurnDetectionOptions : IValidatableObject
{
    public const string Section = "EngageBot:ChurnRisk:Detection";

    public ChurnDetectorProvider Provider { get; set; } = ChurnDetectorProvider.Embedding;

    /// <summary>A classifier retrained with "engagebot churn-model train"; unset, the one built into the assembly.</summary>
    public string? ClassifierPath { get; set; }

    /// <summary>Base URL: Azure OpenAI v1 (https://RESOURCE.openai.azure.com/openai/v1/) or any OpenAI-compatible endpoint.</summary>
    public string? Endpoint { get; set; }

    public string? ApiKey { get; set; }

    /// <summary>Authenticate with Microsoft Entra ID (DefaultAzureCredential: managed identity, az login, …) instead of a key.</summary>
    public bool UseEntraId { get; set; }

    public string EntraScope { get; set; } = "https://cognitiveservices.azure.com/.default";

    /// <summary>The model name, or on Azure the deployment name (Deployment is an alias).</summary>
    public string? Model { get; set; }

    public string? Deployment { get; set; }

    public int DailyCallBudget { get; set; } = 1000;

    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>
    /// Messages whose local score lies in [CandidateMinScore, CandidateMaxScore] go to the model; the rest keep the local
    /// verdict. The model may raise or refine a verdict, never turn a local risk into none.
    /// </summary>
    public double CandidateMinScore { get; set; } = 0.25;

    public double CandidateMaxScore { get; set; } = 0.8;

    public int CacheCapacity { get; set; } = 10_000;

    public string? EffectiveModel => string.IsNullOrWhiteSpace(Deployment) ? Model : Deployment;

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (DailyCallBudget < 0) yield return Fail($"{Section}:DailyCallBudget must be 0 or more", nameof(DailyCallBudget));
        if (Timeout <= TimeSpan.Zero) yield return Fail($"{Section}:Timeout must be positive (e.g. 00:00:10)", nameof(Timeout));
        if (CandidateMinScore is < 0 or > 1 || CandidateMaxScore is < 0 or > 1 || CandidateMinScore > CandidateMaxScore)
            yield return Fail($"{Section}:CandidateMinScore and CandidateMaxScore must satisfy 0 <= min <= max <= 1", nameof(CandidateMinScore));
        if (CacheCapacity < 0) yield return Fail($"{Section}:CacheCapacity must be 0 or more", nameof(CacheCapacity));
        if (!string.IsNullOrWhiteSpace(ClassifierPath) && !File.Exists(ClassifierPath))
            yield return Fail($"{Section}:ClassifierPath: file not found: {ClassifierPath}", nameof(ClassifierPath));
        if (Provider != ChurnDetectorProvider.OpenAI) yield break;
        if (string.IsNullOrWhiteSpace(Endpoint))
            yield return Fail($"{Section}:Endpoint is required when Provider is OpenAI", nameof(Endpoint));
        else if (!Uri.TryCreate(Endpoint, UriKind.Absolute, out var uri) || uri.Scheme is not ("https" or "http"))
            yield return Fail($"{Section}:Endpoint must be an absolute http(s) URL, e.g. https://RESOURCE.openai.azure.com/openai/v1/", nameof(Endpoint));
        if (string.IsNullOrWhiteSpace(EffectiveModel))
            yield return Fail($"{Section}:Model (or Deployment) is required when Provider is OpenAI", nameof(Model));
        if (UseEntraId && !string.IsNullOrWhiteSpace(ApiKey))
            yield return Fail($"{Section}: set ApiKey or UseEntraId, not both", nameof(ApiKey));
        if (!UseEntraId && string.IsNullOrWhiteSpace(ApiKey))
            yield return Fail($"{Section}:ApiKey is required when Provider is OpenAI, unless UseEntraId is true", nameof(ApiKey));
    }

    private static ValidationResult Fail(string message, string member) => new(message, [member]);
}
