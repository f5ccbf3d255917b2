using System.Globalization;

namespace EngageBot.Channels.Slack;

/// <summary>Slack ts values are "seconds.microseconds" strings; they double as message ids.</summary>
public static class SlackTimestamps
{
    public static DateTimeOffset? Parse(string? ts)
    {
        if (ts is null || !decimal.TryParse(ts, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var seconds)) return null;
        return DateTimeOffset.FromUnixTimeMilliseconds((long)(seconds * 1000m));
    }
}
