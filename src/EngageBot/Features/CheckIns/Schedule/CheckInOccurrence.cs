using System.Globalization;

namespace EngageBot.Features.CheckIns.Schedule;

/// <summary>
/// One check-in of a partner. <see cref="Slot"/> is the nominal local date and time the cadence names (the claim key: it
/// stays the same when a holiday moves the check-in); <see cref="Local"/> is when it actually happens in the partner's
/// zone (moved to the next working day) and <see cref="At"/> that instant.
/// </summary>
public sealed record CheckInOccurrence(string PartnerId, DateTime Slot, DateTime Local, DateTimeOffset At)
{
    public string SlotKey => SlotText(Slot);

    /// <summary>The check-in's id: deterministic per partner and slot, so every instance creates the same one.</summary>
    public string CheckInId => $"ci-{PartnerId}-{Slot.ToString("yyyyMMdd'T'HHmm", CultureInfo.InvariantCulture)}";

    public static string SlotText(DateTime slot) => slot.ToString("yyyy-MM-dd'T'HH:mm", CultureInfo.InvariantCulture);

    public static DateTime? ParseSlot(string text) =>
        DateTime.TryParseExact(text, "yyyy-MM-dd'T'HH:mm", CultureInfo.InvariantCulture, DateTimeStyles.None, out var slot) ? slot : null;
}
