using System.Globalization;
using EngageBot.Scheduling;

namespace EngageBot.Features.Nudges;

/// <summary>
/// How daily nudges use the shared due index and claim ledger. Due step "daily|{owner's local date}" (subject = owner id),
/// firing when the owner's working day starts; claim key (job, subject, scheduled local time) = "daily-nudge|{date}" under
/// the owner; outbox key "daily-nudge|{owner}|{date}".
/// </summary>
public static class ManagerNudgeDueEntries
{
    public const string Table = "NudgeDue";
    public const string Claims = "NudgeClaims";
    private const string Prefix = "daily|";
    private const string DateFormat = "yyyy-MM-dd";

    public static DueEntry For(string ownerId, DateOnly day, DateTimeOffset at) => new(ownerId, Prefix + Format(day), at, at);

    public static DateOnly? DayOf(DueEntry entry) =>
        entry.Step.StartsWith(Prefix, StringComparison.Ordinal)
        && DateOnly.TryParseExact(entry.Step[Prefix.Length..], DateFormat, CultureInfo.InvariantCulture, DateTimeStyles.None, out var day)
            ? day : null;

    public static string Claim(DateOnly day) => "daily-nudge|" + Format(day);

    public static string OutboxKey(string ownerId, DateOnly day) => $"daily-nudge|{ownerId}|{Format(day)}";

    private static string Format(DateOnly day) => day.ToString(DateFormat, CultureInfo.InvariantCulture);
}
