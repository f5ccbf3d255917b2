using System.ComponentModel.DataAnnotations;

namespace EngageBot.Features.CheckIns;

/// <summary>
/// Check-in settings (EngageBot:CheckIns). Cadence, day and time are per partner in the directory; these are the
/// service-wide knobs: how often due check-ins are looked for, how late a missed one may still go out, when the single
/// reminder follows (business time on the partner's calendar), and which questions each tier is asked.
/// </summary>
public sealed class CheckInsOptions : IValidatableObject
{
    public const string Section = "EngageBot:CheckIns";
    public const string DefaultTier = "default";

    /// <summary>The questions a card can ask; health (1–5) is always asked, since a low score raises a churn risk.</summary>
    public static readonly IReadOnlyList<string> KnownQuestions = ["health", "blocking", "pipeline", "improve", "recommend", "topics", "needsHelp", "nextCheckIn"];

    public TimeSpan SweepInterval { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>A check-in (or reminder) missed by less than this (downtime) is sent once, late; older ones are skipped and logged.</summary>
    public TimeSpan MissedRunWindow { get; set; } = TimeSpan.FromHours(6);

    /// <summary>No answer this long after posting, in the partner's business hours: one reminder in the channel.</summary>
    public TimeSpan ReminderDelay { get; set; } = TimeSpan.FromHours(16);

    /// <summary>Questions per tier ("default" for tiers not listed).</summary>
    public Dictionary<string, List<string>> Questions { get; set; } = new(StringComparer.Ordinal);

    public IReadOnlyList<string> QuestionsFor(string tier) =>
        Questions.GetValueOrDefault(tier) ?? Questions.GetValueOrDefault(DefaultTier) ?? ["health", "blocking", "pipeline", "improve"];

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (SweepInterval < TimeSpan.FromSeconds(5) || SweepInterval > TimeSpan.FromMinutes(5))
            yield return new ValidationResult($"{Section}:SweepInterval must be between 00:00:05 and 00:05:00 (got {SweepInterval}).", [nameof(SweepInterval)]);
        if (MissedRunWindow < TimeSpan.Zero || MissedRunWindow > TimeSpan.FromDays(7))
            yield return new ValidationResult($"{Section}:MissedRunWindow must be between 00:00:00 and 7.00:00:00 (got {MissedRunWindow}).", [nameof(MissedRunWindow)]);
        if (ReminderDelay < TimeSpan.FromMinutes(5) || ReminderDelay > TimeSpan.FromDays(30))
            yield return new ValidationResult($"{Section}:ReminderDelay must be between 00:05:00 and 30.00:00:00 (got {ReminderDelay}).", [nameof(ReminderDelay)]);
        foreach (var (tier, questions) in Questions)
        {
            if (questions.FirstOrDefault(q => !KnownQuestions.Contains(q, StringComparer.Ordinal)) is { } unknown)
                yield return new ValidationResult($"{Section}:Questions:{tier} has unknown question '{unknown}' (known: {string.Join(", ", KnownQuestions)}).", [nameof(Questions)]);
            if (!questions.Contains("health", StringComparer.Ordinal))
                yield return new ValidationResult($"{Section}:Questions:{tier} must include 'health' (a low score raises a churn risk).", [nameof(Questions)]);
        }
    }
}
