namespace EngageBot.Features.Directory.Model;

/// <summary>
/// When in its cadence a partner's check-in happens, in the partner's local time: a weekday (weekly, biweekly; for monthly and
/// quarterly the first such weekday of the month) or a day of the month (monthly, quarterly; clamped to short months), and a
/// time of day. A Quartz cron expression (seconds first) replaces cadence, day and time; it is read as local wall-clock time.
/// </summary>
public sealed record CheckInTiming(DayOfWeek? Weekday = null, int? DayOfMonth = null, TimeOnly? Time = null, string? Cron = null)
{
    public static readonly TimeOnly DefaultTime = new(10, 0);

    public static CheckInTiming Default { get; } = new();

    public TimeOnly LocalTime => Time ?? DefaultTime;

    public override string ToString() =>
        Cron is { } cron ? $"cron '{cron}'"
        : $"{(Weekday is { } d ? d.ToString().ToLowerInvariant() : DayOfMonth is { } n ? $"day {n}" : "default day")} at {LocalTime:HH\\:mm}";
}
