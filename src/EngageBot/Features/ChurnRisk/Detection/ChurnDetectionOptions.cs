using System.ComponentModel.DataAnnotations;

namespace EngageBot.Features.ChurnRisk.Detection;

public enum ChurnDetectorProvider { Embedding, Rules, OpenAI }

/// <summary>
/// EngageBot:ChurnRisk:Detection. Embedding (default): a local sentence-embedding model and trained classifier beside
/// the rules; Rules: the rules alone; OpenAI: the embedding detector, and the model configured under EngageBot:AI
/// asked about the messages it is unsure of.
/// </summary>
public sealed class ChurnDetectionOptions : IValidatableObject
{
    public const string Section = "EngageBot:ChurnRisk:Detection";

    public ChurnDetectorProvider Provider { get; set; } = ChurnDetectorProvider.Embedding;

    /// <summary>A classifier retrained with "engagebot churn-model train"; unset, the one built into the assembly.</summary>
    public string? ClassifierPath { get; set; }

    public int DailyCallBudget { get; set; } = 1000;

    /// <summary>Deadline of one model call; past it the rules verdict stands.</summary>
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>
    /// Messages whose local score lies in [CandidateMinScore, CandidateMaxScore] go to the model; the rest keep the local
    /// verdict. The model may raise or refine a verdict, never turn a local risk into none.
    /// </summary>
    public double CandidateMinScore { get; set; } = 0.25;

    public double CandidateMaxScore { get; set; } = 0.8;

    public int CacheCapacity { get; set; } = 10_000;

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (DailyCallBudget < 0) yield return Fail($"{Section}:DailyCallBudget must be 0 or more", nameof(DailyCallBudget));
        if (Timeout <= TimeSpan.Zero) yield return Fail($"{Section}:Timeout must be positive (e.g. 00:00:10)", nameof(Timeout));
        if (CandidateMinScore is < 0 or > 1 || CandidateMaxScore is < 0 or > 1 || CandidateMinScore > CandidateMaxScore)
            yield return Fail($"{Section}:CandidateMinScore and CandidateMaxScore must satisfy 0 <= min <= max <= 1", nameof(CandidateMinScore));
        if (CacheCapacity < 0) yield return Fail($"{Section}:CacheCapacity must be 0 or more", nameof(CacheCapacity));
        if (!string.IsNullOrWhiteSpace(ClassifierPath) && !File.Exists(ClassifierPath))
            yield return Fail($"{Section}:ClassifierPath: file not found: {ClassifierPath}", nameof(ClassifierPath));
    }

    private static ValidationResult Fail(string message, string member) => new(message, [member]);
}
