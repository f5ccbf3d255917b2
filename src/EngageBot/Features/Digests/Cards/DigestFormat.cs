using System.Globalization;

namespace EngageBot.Features.Digests.Cards;

/// <summary>How the digest writes its numbers and their changes, the same on the card, in Slack and in the CLI.</summary>
public static class DigestFormat
{
    private static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;

    public static string Percent(double? rate) => rate is { } r ? r.ToString(DigestCharts.PercentFormat, Invariant) : "–";

    public static string Hours(double? hours) => hours switch
    {
        null => "–",
        < 1 => $"{Math.Round(hours.Value * 60).ToString("0", Invariant)}m",
        _ => $"{hours.Value.ToString("0.#", Invariant)}h",
    };

    public static string Rating(double? rating) => rating is { } r ? r.ToString("0.0", Invariant) + " / 5" : "–";

    /// <summary>"+3", "−2", "±0" (a real minus sign: it reads better and cannot be taken for a hyphen).</summary>
    public static string Change(int now, int before) => Signed(now - before, "");

    /// <summary>Change of a rate in percentage points; "new" when last week had nothing to compare with.</summary>
    public static string PointsChange(double? now, double? before) =>
        now is { } n && before is { } b ? Signed((int)Math.Round((n - b) * 100), " pts") : "–";

    public static string HoursChange(double? now, double? before) =>
        now is { } n && before is { } b ? (Math.Abs(n - b) < 0.05 ? "±0" : (n > b ? "+" : "−") + Hours(Math.Abs(n - b))) : "–";

    public static string RatingChange(double? now, double? before) =>
        now is { } n && before is { } b ? (Math.Abs(n - b) < 0.05 ? "±0" : (n > b ? "+" : "−") + Math.Abs(n - b).ToString("0.0", Invariant)) : "–";

    private static string Signed(int delta, string unit) => delta switch
    {
        > 0 => $"+{delta}{unit}",
        < 0 => $"−{-delta}{unit}",
        _ => $"±0{unit}",
    };
}
