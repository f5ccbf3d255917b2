using System.Net;
using System.Text.RegularExpressions;

namespace EngageBot.Channels.Teams;

/// <summary>A Teams message body (HTML) as plain text: paragraphs and line breaks kept, tags dropped, entities decoded.</summary>
internal static partial class TeamsHtmlText
{
    public static string? ToPlain(string? html)
    {
        if (html is null) return null;
        var text = LineBreaks().Replace(html, "\n");
        text = Tags().Replace(text, "");
        return WebUtility.HtmlDecode(text).Trim();
    }

    [GeneratedRegex(@"<br\s*/?>|</p>|</div>", RegexOptions.IgnoreCase)]
    private static partial Regex LineBreaks();

    [GeneratedRegex("<[^>]*>")]
    private static partial Regex Tags();
}
