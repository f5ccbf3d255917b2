namespace EngageBot.Features.Directory.Model;

/// <summary>A working window within one day, e.g. 09:00–17:00 (written "09:00-17:00").</summary>
public sealed record DailyHours(TimeOnly Start, TimeOnly End)
{
    public static DailyHours NineToFive { get; } = new(new TimeOnly(9, 0), new TimeOnly(17, 0));

    public TimeSpan Length => End - Start;

    public override string ToString() => $"{Start:HH\\:mm}-{End:HH\\:mm}";
}
