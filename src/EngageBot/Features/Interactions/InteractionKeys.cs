using System.Globalization;

namespace EngageBot.Features.Interactions;

/// <summary>The interaction log's keys; see <see cref="InteractionStore"/> for the scheme.</summary>
internal static class InteractionKeys
{
    public const string Unassigned = "unassigned";
    public const string TimePrefix = "t|";
    public const string IdPrefix = "m|";

    public static string Partition(string? partnerId) => partnerId is null ? Unassigned : "p|" + partnerId;

    public static string TimeRow(Interaction i) => TimeRow(i.Timestamp) + "|" + Identity(i);

    public static string TimeRow(DateTimeOffset at) => TimePrefix + Ticks(at);

    public static string IdRow(Interaction i) => IdPrefix + Identity(i);

    private static string Identity(Interaction i) => $"{i.Platform}|{i.Kind}|{i.MessageId}";

    // Fixed-width ticks sort as strings exactly as the instants sort in time.
    private static string Ticks(DateTimeOffset at) => at.UtcTicks.ToString("D19", CultureInfo.InvariantCulture);
}
