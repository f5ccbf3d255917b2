using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace EngageBot.Cards;

/// <summary>
/// The one place for card text rules: truncation (visible "…"), Slack mrkdwn escaping and Markdown conversion,
/// and the Adaptive Card date functions {{DATE()}}/{{TIME()}} that Teams localises per viewer.
/// </summary>
public static partial class CardText
{
    public const string Ellipsis = "…";

    /// <summary>Cuts to at most <paramref name="max"/> chars, ending with "…" when cut; never splits a surrogate pair.</summary>
    public static string Truncate(string text, int max)
    {
        if (text.Length <= max) return text;
        var cut = max - Ellipsis.Length;
        if (cut > 0 && char.IsHighSurrogate(text[cut - 1])) cut--;
        return text[..Math.Max(cut, 0)] + Ellipsis;
    }

    /// <summary>Slack's three control characters in mrkdwn and plain text: &amp; &lt; &gt;.</summary>
    public static string EscapeSlack(string text) =>
        text.Replace("&", "&amp;", StringComparison.Ordinal).Replace("<", "&lt;", StringComparison.Ordinal).Replace(">", "&gt;", StringComparison.Ordinal);

    /// <summary>
    /// Adaptive Card Markdown (**bold**, _italic_, [text](url), lists) as Slack mrkdwn: text escaped, links as
    /// &lt;url|text&gt;, bold as *x*, dates as Slack date tokens (each viewer's local time, like Teams).
    /// </summary>
    public static string ToSlackMrkdwn(string markdown)
    {
        var sb = new StringBuilder();
        var last = 0;
        foreach (Match m in Tokens().Matches(markdown))
        {
            sb.Append(SlackInline(markdown[last..m.Index]));
            if (m.Groups["linkText"].Success)
                sb.Append('<').Append(EscapeSlack(m.Groups["url"].Value)).Append('|').Append(EscapeSlack(m.Groups["linkText"].Value).Replace("|", "¦")).Append('>');
            else
                sb.Append(SlackDate(m));
            last = m.Index + m.Length;
        }
        sb.Append(SlackInline(markdown[last..]));
        return sb.ToString();
    }

    /// <summary>Plain text for notifications, headers and modal titles: Markdown removed, links as "text (url)", dates in UTC.</summary>
    public static string ToPlain(string markdown)
    {
        var text = Tokens().Replace(markdown, m => m.Groups["linkText"].Success
            ? $"{m.Groups["linkText"].Value} ({m.Groups["url"].Value})"
            : PlainDate(m));
        return Bold().Replace(text, "$1");
    }

    /// <summary>Plain text with links reduced to their text (for places with no room for URLs).</summary>
    public static string ToPlainShort(string markdown) =>
        Bold().Replace(Tokens().Replace(markdown, m => m.Groups["linkText"].Success ? m.Groups["linkText"].Value : PlainDate(m)), "$1");

    /// <summary>A short duration for people, to the minute: "2d 3h", "3h 5m", "45m", "under a minute".</summary>
    public static string Duration(TimeSpan span)
    {
        if (span < TimeSpan.FromMinutes(1)) return "under a minute";
        var (days, hours, minutes) = ((int)span.TotalDays, span.Hours, span.Minutes);
        if (days > 0) return hours > 0 ? $"{days}d {hours}h" : $"{days}d";
        if (hours > 0) return minutes > 0 ? $"{hours}h {minutes}m" : $"{hours}h";
        return $"{minutes}m";
    }

    /// <summary>The timestamp shape for card data: UTC, no fractions, as {{DATE()}}/{{TIME()}} require.</summary>
    public static string IsoUtc(DateTimeOffset time) =>
        time.ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);

    private static string SlackInline(string text) => Bold().Replace(EscapeSlack(text), "*$1*");

    private static string SlackDate(Match m)
    {
        var time = ParseDate(m);
        var epoch = time.ToUnixTimeSeconds();
        var token = m.Groups["fn"].Value == "TIME" ? "{time}" : m.Groups["style"].Value switch
        {
            "LONG" => "{date_long}",
            "COMPACT" => "{date_num}",
            _ => "{date_short}",
        };
        return $"<!date^{epoch}^{token}|{PlainDate(m)}>";
    }

    private static string PlainDate(Match m)
    {
        var time = ParseDate(m).ToUniversalTime();
        if (m.Groups["fn"].Value == "TIME") return time.ToString("HH:mm 'UTC'", CultureInfo.InvariantCulture);
        return m.Groups["style"].Value switch
        {
            "LONG" => time.ToString("dddd, d MMMM yyyy", CultureInfo.InvariantCulture),
            "COMPACT" => time.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            _ => time.ToString("ddd, d MMM yyyy", CultureInfo.InvariantCulture),
        };
    }

    private static DateTimeOffset ParseDate(Match m) =>
        DateTimeOffset.Parse(m.Groups["iso"].Value, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal);

    // Links and the Adaptive Card date functions (the renderer's own pattern: no fractional seconds).
    [GeneratedRegex(@"\[(?<linkText>[^\]]*)\]\((?<url>[^)\s]+)\)|\{\{(?<fn>DATE|TIME)\((?<iso>\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(?:Z|[+-]\d{2}:\d{2}))(?:,\s*(?<style>SHORT|LONG|COMPACT))?\)\}\}")]
    private static partial Regex Tokens();

    [GeneratedRegex(@"\*\*(.+?)\*\*")]
    private static partial Regex Bold();
}
