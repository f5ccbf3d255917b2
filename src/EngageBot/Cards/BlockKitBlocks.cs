using System.Text.Json.Nodes;

namespace EngageBot.Cards;

/// <summary>Block Kit block builders that enforce each field's limit (truncating visibly with "…").</summary>
internal static class BlockKitBlocks
{
    public static JsonObject PlainText(string text, int max) =>
        new() { ["type"] = "plain_text", ["text"] = CardText.Truncate(NonEmpty(text), max), ["emoji"] = true };

    public static JsonObject Mrkdwn(string mrkdwn, int max) =>
        new() { ["type"] = "mrkdwn", ["text"] = TruncateMrkdwn(NonEmpty(mrkdwn), max) };

    public static JsonObject Header(string plain) =>
        new() { ["type"] = "header", ["text"] = PlainText(plain, SlackLimits.HeaderText) };

    public static JsonObject Section(string mrkdwn) =>
        new() { ["type"] = "section", ["text"] = Mrkdwn(mrkdwn, SlackLimits.SectionText) };

    public static JsonObject Fields(IEnumerable<string> mrkdwnFields) => new()
    {
        ["type"] = "section",
        ["fields"] = new JsonArray(mrkdwnFields.Take(SlackLimits.SectionFields).Select(f => (JsonNode)Mrkdwn(f, SlackLimits.FieldText)).ToArray()),
    };

    public static JsonObject Context(string mrkdwn) => new()
    {
        ["type"] = "context",
        ["elements"] = new JsonArray(Mrkdwn(mrkdwn, SlackLimits.SectionText)),
    };

    public static JsonObject Divider() => new() { ["type"] = "divider" };

    public static JsonObject Image(string url, string altText) => new()
    {
        ["type"] = "image",
        ["image_url"] = url,
        ["alt_text"] = CardText.Truncate(NonEmpty(altText), SlackLimits.ImageAltText),
    };

    public static JsonObject Actions(IEnumerable<JsonObject> elements) => new()
    {
        ["type"] = "actions",
        ["elements"] = new JsonArray(elements.Take(SlackLimits.ActionElements).Cast<JsonNode>().ToArray()),
    };

    public static JsonObject Button(string title, string actionId, string? value = null, string? url = null, string? style = null)
    {
        var button = new JsonObject { ["type"] = "button", ["text"] = PlainText(title, SlackLimits.ButtonText), ["action_id"] = actionId };
        if (value is not null) button["value"] = value;
        if (url is not null) button["url"] = url;
        if (style is not null) button["style"] = style;
        return button;
    }

    /// <summary>Total characters of text a block carries (for Slack's undocumented whole-message text limit).</summary>
    public static int TextLength(JsonNode block) => block switch
    {
        JsonObject o => o.Sum(p => p.Key == "text" && p.Value is JsonValue v && v.TryGetValue<string>(out var s) ? s.Length : TextLength(p.Value!)),
        JsonArray a => a.Sum(n => n is null ? 0 : TextLength(n)),
        _ => 0,
    };

    private static string NonEmpty(string text) => string.IsNullOrWhiteSpace(text) ? " " : text;

    /// <summary>Truncates without leaving half a Slack token (&lt;…&gt; link or &amp;amp; entity) at the cut.</summary>
    private static string TruncateMrkdwn(string mrkdwn, int max)
    {
        if (mrkdwn.Length <= max) return mrkdwn;
        var cut = CardText.Truncate(mrkdwn, max);
        var body = cut[..^CardText.Ellipsis.Length];
        var open = body.LastIndexOf('<');
        if (open > body.LastIndexOf('>')) body = body[..open];
        var amp = body.LastIndexOf('&');
        if (amp >= 0 && body.IndexOf(';', amp) < 0) body = body[..amp];
        return body + CardText.Ellipsis;
    }
}
