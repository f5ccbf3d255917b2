namespace EngageBot.Features.Directory.Model;

/// <summary>
/// A working window within one day, e.g. 09:00–17:00 (written "09:00-17:00"). An End of 00:00 means midnight at
/// the end of the day (written "24:00"), so 00:00–24:00 is the whole day.
/// </summary>
public sealed record DailyHours(TimeOnly Start, TimeOnly End)
{
    public static DailyHours NineToFive { get; } = new(new TimeOnly(9, 0), new TimeOnly(17, 0));

    public TimeSpan Length => End > Start ? End - Start : TimeSpan.FromDays(1) - (Start - End);

    public override string ToString() => $"{Start:HH\\:mm}-{(End == TimeOnly.MinValue ? "24:00" : End.ToString("HH\\:mm"))}";
}
