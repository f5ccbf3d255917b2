using System.ComponentModel.DataAnnotations;

namespace EngageBot.Features.Digests;

/// <summary>Which partners an executive's weekly digest covers.</summary>
public enum ExecutiveScope { Sponsored, All }

/// <summary>
/// EngageBot:Digest — the weekly executive digest: when it goes out (on each executive's own wall clock), what an
/// executive sees, and how late a missed send may still go out.
/// </summary>
public sealed class DigestOptions : IValidatableObject
{
    public const string Section = "EngageBot:Digest";

    /// <summary>Send the weekly digest at all (the `digest` command and `digest preview` work either way).</summary>
    public bool Weekly { get; set; } = true;

    public DayOfWeek Day { get; set; } = DayOfWeek.Monday;

    /// <summary>Local time of day in the executive's time zone.</summary>
    public TimeSpan Time { get; set; } = TimeSpan.FromHours(8);

    /// <summary>Sponsored: the partners an executive sponsors (all partners if they sponsor none); All: every partner.</summary>
    public ExecutiveScope ExecutiveScope { get; set; } = ExecutiveScope.Sponsored;

    /// <summary>The zone of executives (and `digest preview` without --for) whose directory entry names none.</summary>
    public string DefaultTimeZone { get; set; } = "UTC";

    /// <summary>A send missed by less than this (downtime) goes out late, once; an older one is skipped and logged.</summary>
    public TimeSpan MissedRunWindow { get; set; } = TimeSpan.FromHours(6);

    public TimeSpan SweepInterval { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>How many quotes of low ratings a digest shows (0: none). Quotes name the partner company, never the person.</summary>
    public int LowRatingQuotes { get; set; } = 3;

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (!Enum.IsDefined(Day))
            yield return new ValidationResult($"{Section}:Day must be a weekday name (got {Day}).", [nameof(Day)]);
        if (Time < TimeSpan.Zero || Time >= TimeSpan.FromDays(1))
            yield return new ValidationResult($"{Section}:Time must be a time of day, 00:00 to 23:59 (got {Time}).", [nameof(Time)]);
        if (!Enum.IsDefined(ExecutiveScope))
            yield return new ValidationResult($"{Section}:ExecutiveScope must be Sponsored or All (got {ExecutiveScope}).", [nameof(ExecutiveScope)]);
        if (!TimeZoneInfo.TryFindSystemTimeZoneById(DefaultTimeZone, out _))
            yield return new ValidationResult($"{Section}:DefaultTimeZone must be an IANA time zone such as Europe/London (got '{DefaultTimeZone}').", [nameof(DefaultTimeZone)]);
        if (MissedRunWindow < TimeSpan.Zero || MissedRunWindow > TimeSpan.FromDays(6))
            yield return new ValidationResult($"{Section}:MissedRunWindow must be between 00:00:00 and 6.00:00:00 (got {MissedRunWindow}).", [nameof(MissedRunWindow)]);
        if (SweepInterval < TimeSpan.FromSeconds(5) || SweepInterval > TimeSpan.FromMinutes(15))
            yield return new ValidationResult($"{Section}:SweepInterval must be between 00:00:05 and 00:15:00 (got {SweepInterval}).", [nameof(SweepInterval)]);
        if (LowRatingQuotes is < 0 or > 10)
            yield return new ValidationResult($"{Section}:LowRatingQuotes must be between 0 and 10 (got {LowRatingQuotes}).", [nameof(LowRatingQuotes)]);
    }
}
