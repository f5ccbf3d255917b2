using System.Globalization;

namespace EngageBot.Features.Feedback;

/// <summary>The feedback table's keys; see <see cref="FeedbackStore"/> for the scheme.</summary>
internal static class FeedbackKeys
{
    public const string TimePrefix = "t|";
    public const string IdPrefix = "id|";

    public static string Partition(string partnerId) => "p|" + partnerId;

    public static string IdRow(string id) => IdPrefix + id;

    public static string TimeRow(FeedbackEntry entry) => TimeRow(entry.CreatedAt) + "|" + entry.Id;

    public static string TimeRow(DateTimeOffset at) => TimePrefix + Inverted(at);

    /// <summary>Row keys of entries created at or after <paramref name="since"/> sort before this one.</summary>
    public static string TimeRowBefore(DateTimeOffset since) => TimePrefix + (DateTimeOffset.MaxValue.UtcTicks - since.UtcTicks + 1).ToString("D19", CultureInfo.InvariantCulture);

    // Inverted fixed-width ticks: newer entries get smaller keys, so row-key order is newest first.
    private static string Inverted(DateTimeOffset at) => (DateTimeOffset.MaxValue.UtcTicks - at.UtcTicks).ToString("D19", CultureInfo.InvariantCulture);
}
