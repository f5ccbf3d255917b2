using System.Net;
using System.Text.RegularExpressions;

namespace EngageBot.Channels.Teams;

/// <summary>
/// Teams puts "&lt;at&gt;Name&lt;/at&gt;" in the text of a mention; the mentioned ids are in entities. Features get plain text:
/// mention markup removed (the bot's own entirely, other people's name kept), remaining HTML tags dropped, entities decoded.
/// </summary>
internal static partial class TeamsMentionText
{
    public static string Clean(string? text, IEnumerable<string> botMentionTexts)
    {
        if (string.IsNullOrEmpty(text))
            return "";
        foreach (var botMention in botMentionTexts)
            text = text.Replace(botMention, "", StringComparison.Ordinal);
        text = AtTag().Replace(text, "$1");
        text = LineBreak().Replace(text, "\n");
        text = Tag().Replace(text, "");
        return WebUtility.HtmlDecode(Spaces().Replace(text, " ")).Trim();
    }

    [GeneratedRegex("<at[^>]*>(.*?)</at>", RegexOptions.IgnoreCase | RegexOptions.Singleline)]
    private static partial Regex AtTag();

    [GeneratedRegex(@"<br\s*/?>|</p>\s*<p>", RegexOptions.IgnoreCase)]
    private static partial Regex LineBreak();

    [GeneratedRegex("<[^>]+>")]
    private static partial Regex Tag();

    [GeneratedRegex("[ \t]{2,}")]
    private static partial Regex Spaces();
}
