using System.ComponentModel.DataAnnotations;

namespace EngageBot.Features.ChurnRisk.Detection;

public enum ChurnDetectorProvider { Rules, OpenAI }

/// <summary>
/// EngageBot:ChurnRisk:Detection. Rules by default; OpenAI asks the model configured under EngageBot:AI about the
/// messages the rules find ambiguous.
/// </summary>
public sealed class ChurnDetectionOptions : IValidatableObject
{
    public const string Section = "EngageBot:ChurnRisk:Detection";

    public ChurnDetectorProvider Provider { get; set; } = ChurnDetectorProvider.Rules;

    public int DailyCallBudget { get; set; } = 1000;

    /// <summary>Deadline of one model call; past it the rules verdict stands.</summary>
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>Messages whose rules score lies in [CandidateMinScore, CandidateMaxScore] go to the model; the rest keep the rules verdict.</summary>
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
    }

    private static ValidationResult Fail(string message, string member) => new(message, [member]);
}
