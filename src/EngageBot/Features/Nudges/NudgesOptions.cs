using System.ComponentModel.DataAnnotations;

namespace EngageBot.Features.Nudges;

/// <summary>
/// Daily manager nudge settings (EngageBot:Nudges). When each owner is nudged comes from the directory (their time zone
/// and working hours) and what counts as quiet from their partners' tier (the policy's <c>nudges:</c> map); these are the
/// service-wide knobs, shaped like the check-ins' ones.
/// </summary>
public sealed class NudgesOptions : IValidatableObject
{
    public const string Section = "EngageBot:Nudges";

    public TimeSpan SweepInterval { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>A daily nudge missed by less than this (downtime) is sent once, late; older ones are skipped and logged.</summary>
    public TimeSpan MissedRunWindow { get; set; } = TimeSpan.FromHours(4);

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (SweepInterval < TimeSpan.FromSeconds(5) || SweepInterval > TimeSpan.FromMinutes(5))
            yield return new ValidationResult($"{Section}:SweepInterval must be between 00:00:05 and 00:05:00 (got {SweepInterval}).", [nameof(SweepInterval)]);
        // Up to a day: a nudge later than that would arrive beside the next one.
        if (MissedRunWindow < TimeSpan.Zero || MissedRunWindow > TimeSpan.FromDays(1))
            yield return new ValidationResult($"{Section}:MissedRunWindow must be between 00:00:00 and 1.00:00:00 (got {MissedRunWindow}).", [nameof(MissedRunWindow)]);
    }
}
