using System.Text.RegularExpressions;

namespace EngageBot.Features.ChurnRisk.Detection.OpenAi;

/// <summary>
/// A language model's free-text reason made safe to show: links, Slack/HTML markup and mentions removed, whitespace
/// folded, capped in length, and labelled once as the model's ("model: …", never "model: model: …"), so a reason
/// a prompt injection wrote cannot pose as evidence, ping people or carry a link.
/// </summary>
internal static partial class ModelReasonText
{
    public const string Prefix = "model: ";
    public const int MaxLength = 160;

    /// <summary>The cleaned reason with its label, or null when nothing readable is left.</summary>
    public static string? Label(string reason)
    {
        var text = SlackToken().Replace(reason, m => m.Groups["label"].Success ? m.Groups["label"].Value : " ");
        text = HtmlTag().Replace(text, " ");
        text = Url().Replace(text, m => m.Groups["label"].Success ? " " + m.Groups["label"].Value + " " : " ");
        text = Markup().Replace(text, " ");
        text = Whitespace().Replace(text, " ").Trim();
        while (OwnLabel().Match(text) is { Success: true } label) text = text[label.Length..].TrimStart();
        if (text.Length == 0) return null;
        if (text.Length > MaxLength) text = text[..(MaxLength - 1)].TrimEnd() + "…";
        return Prefix + text;
    }

    // <https://x|label>, <@U123>, <!channel>, <#C123|name>: keep a link's label only when it is not itself a URL.
    [GeneratedRegex(@"<(?:[@#!][^>|]*|[a-z][a-z0-9+.-]*:[^>|]*)(?:\|(?<label>[^>]*))?>", RegexOptions.IgnoreCase)]
    private static partial Regex SlackToken();

    [GeneratedRegex(@"</?[a-z][^>]*>", RegexOptions.IgnoreCase)]
    private static partial Regex HtmlTag();

    [GeneratedRegex(@"\b(?:[a-z][a-z0-9+.-]*://|www\.|mailto:)\S*|\[(?<label>[^\]]*)\]\([^)]*\)", RegexOptions.IgnoreCase)]
    private static partial Regex Url();

    [GeneratedRegex(@"[*_~`#>|\[\]{}\\]|&[a-z]+;|[\u0000-\u001F\u007F\u200B-\u200F\u202A-\u202E\u2066-\u2069]", RegexOptions.IgnoreCase)]
    private static partial Regex Markup();

    [GeneratedRegex(@"\s+")]
    private static partial Regex Whitespace();

    [GeneratedRegex(@"^(?:model|ai|assistant|llm)\s*(?:says|verdict)?\s*:", RegexOptions.IgnoreCase)]
    private static partial Regex OwnLabel();
}
