using System.ComponentModel.DataAnnotations;
using EngageBot.Features.ChurnRisk.Detection;

namespace EngageBot.Features.ChurnRisk.Escalation;

/// <summary>
/// Churn-risk escalation settings (EngageBot:ChurnRisk:Escalation). Ack deadlines are per severity; medium and low count
/// business hours on the partner's calendar by default (8h: one business day on a 09:00–17:00 calendar).
/// </summary>
public sealed class ChurnEscalationOptions : IValidatableObject
{
    public const string Section = "EngageBot:ChurnRisk:Escalation";

    public TimeSpan HighAckDeadline { get; set; } = TimeSpan.FromHours(4);
    public bool HighInBusinessHours { get; set; }
    public TimeSpan MediumAckDeadline { get; set; } = TimeSpan.FromHours(8);
    public bool MediumInBusinessHours { get; set; } = true;
    public TimeSpan LowAckDeadline { get; set; } = TimeSpan.FromHours(24);
    public bool LowInBusinessHours { get; set; } = true;

    /// <summary>After the executive sponsor, remind the whole chain this many more times...</summary>
    public int RepeatCount { get; set; } = 2;

    /// <summary>...this far apart (wall-clock time).</summary>
    public TimeSpan RepeatInterval { get; set; } = TimeSpan.FromDays(1);

    /// <summary>A signal about the same subject this soon after the open risk's last signal joins it.</summary>
    public TimeSpan JoinWindow { get; set; } = TimeSpan.FromDays(7);

    /// <summary>Check-in health scores (1–5) at or below this raise a partner risk.</summary>
    public int CheckInRiskThreshold { get; set; } = 2;

    public TimeSpan SweepInterval { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Posted in the partner's thread on acknowledgment; {name} is the acknowledging person's name.</summary>
    public string AcknowledgementText { get; set; } = "Thanks for flagging this. {name} is looking into this.";

    public (TimeSpan Duration, bool BusinessHours) DeadlineFor(ChurnSeverity severity) => severity switch
    {
        ChurnSeverity.High => (HighAckDeadline, HighInBusinessHours),
        ChurnSeverity.Medium => (MediumAckDeadline, MediumInBusinessHours),
        _ => (LowAckDeadline, LowInBusinessHours),
    };

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        foreach (var (name, value) in new[] { (nameof(HighAckDeadline), HighAckDeadline), (nameof(MediumAckDeadline), MediumAckDeadline), (nameof(LowAckDeadline), LowAckDeadline) })
            if (value < TimeSpan.FromMinutes(1) || value > TimeSpan.FromDays(30))
                yield return new ValidationResult($"{Section}:{name} must be between 00:01:00 and 30.00:00:00 (got {value}).", [name]);
        if (HighInBusinessHours == MediumInBusinessHours && HighAckDeadline > MediumAckDeadline
            || MediumInBusinessHours == LowInBusinessHours && MediumAckDeadline > LowAckDeadline)
            yield return new ValidationResult($"{Section}: a more severe risk must not get a longer ack deadline (High ≤ Medium ≤ Low).", [nameof(MediumAckDeadline)]);
        if (RepeatCount is < 0 or > 20)
            yield return new ValidationResult($"{Section}:RepeatCount must be between 0 and 20 (got {RepeatCount}).", [nameof(RepeatCount)]);
        if (RepeatInterval < TimeSpan.FromMinutes(5))
            yield return new ValidationResult($"{Section}:RepeatInterval must be at least 00:05:00 (got {RepeatInterval}).", [nameof(RepeatInterval)]);
        if (JoinWindow < TimeSpan.Zero || JoinWindow > TimeSpan.FromDays(90))
            yield return new ValidationResult($"{Section}:JoinWindow must be between 00:00:00 and 90.00:00:00 (got {JoinWindow}).", [nameof(JoinWindow)]);
        if (CheckInRiskThreshold is < 0 or > 5)
            yield return new ValidationResult($"{Section}:CheckInRiskThreshold must be between 0 and 5 (got {CheckInRiskThreshold}).", [nameof(CheckInRiskThreshold)]);
        if (SweepInterval < TimeSpan.FromSeconds(5) || SweepInterval > TimeSpan.FromMinutes(5))
            yield return new ValidationResult($"{Section}:SweepInterval must be between 00:00:05 and 00:05:00 (got {SweepInterval}).", [nameof(SweepInterval)]);
        if (string.IsNullOrWhiteSpace(AcknowledgementText) || !AcknowledgementText.Contains("{name}", StringComparison.Ordinal))
            yield return new ValidationResult($"{Section}:AcknowledgementText must contain {{name}}.", [nameof(AcknowledgementText)]);
    }
}
