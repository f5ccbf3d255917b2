using System.Text.Json.Nodes;
using EngageBot.Cards;

namespace EngageBot.Tests.Cards;

/// <summary>Checks a Block Kit payload against Slack's published limits (protocols.md B.5); fails listing every breach.</summary>
internal static class BlockKitAssert
{
    public static void ValidMessage(JsonArray blocks)
    {
        var problems = new List<string>();
        if (blocks.Count is 0 or > SlackLimits.MessageBlocks) problems.Add($"{blocks.Count} blocks (1–{SlackLimits.MessageBlocks})");
        foreach (var block in blocks) CheckBlock(block!.AsObject(), problems);
        Assert.True(problems.Count == 0, string.Join("\n", problems));
    }

    public static void ValidModal(JsonObject view)
    {
        var problems = new List<string>();
        var blocks = view["blocks"]!.AsArray();
        if (blocks.Count is 0 or > SlackLimits.ModalBlocks) problems.Add($"{blocks.Count} modal blocks");
        foreach (var key in new[] { "title", "submit", "close" })
            CheckText(view[key], SlackLimits.ModalTitle, $"modal {key}", problems);
        if (((string?)view["private_metadata"])?.Length > SlackLimits.PrivateMetadata) problems.Add("private_metadata too long");
        var blockIds = new HashSet<string>();
        foreach (var block in blocks)
        {
            CheckBlock(block!.AsObject(), problems);
            if (block["block_id"] is { } id && !blockIds.Add((string)id!)) problems.Add($"duplicate block_id {id}");
        }
        Assert.True(problems.Count == 0, string.Join("\n", problems));
    }

    private static void CheckBlock(JsonObject block, List<string> problems)
    {
        var type = (string?)block["type"];
        switch (type)
        {
            case "header":
                CheckText(block["text"], SlackLimits.HeaderText, "header", problems);
                break;
            case "section":
                if (block["text"] is null && block["fields"] is null) problems.Add("section without text or fields");
                if (block["text"] is { } text) CheckText(text, SlackLimits.SectionText, "section text", problems);
                if (block["fields"] is JsonArray fields)
                {
                    if (fields.Count is 0 or > SlackLimits.SectionFields) problems.Add($"{fields.Count} fields");
                    foreach (var f in fields) CheckText(f, SlackLimits.FieldText, "field", problems);
                }
                break;
            case "context":
                var elements = block["elements"]!.AsArray();
                if (elements.Count is 0 or > SlackLimits.ContextElements) problems.Add($"{elements.Count} context elements");
                foreach (var e in elements) CheckText(e, SlackLimits.SectionText, "context", problems);
                break;
            case "actions":
                var buttons = block["elements"]!.AsArray();
                if (buttons.Count is 0 or > SlackLimits.ActionElements) problems.Add($"{buttons.Count} action elements");
                var ids = new HashSet<string>();
                foreach (var b in buttons)
                {
                    CheckText(b!["text"], SlackLimits.ButtonText, "button", problems);
                    if (!ids.Add((string)b["action_id"]!)) problems.Add($"duplicate action_id {b["action_id"]}");
                    if (((string?)b["value"])?.Length > SlackLimits.ButtonValue) problems.Add("button value too long");
                    if (((string?)b["url"])?.Length > SlackLimits.ButtonUrl) problems.Add("button url too long");
                }
                break;
            case "input":
                CheckText(block["label"], SlackLimits.InputLabel, "input label", problems);
                var element = block["element"]!.AsObject();
                if (element["action_id"] is null) problems.Add("input without action_id");
                foreach (var option in element["options"] as JsonArray ?? [])
                {
                    CheckText(option!["text"], SlackLimits.OptionText, "option", problems);
                    if (((string)option["value"]!).Length > SlackLimits.OptionValue) problems.Add("option value too long");
                }
                if ((string?)element["type"] is "checkboxes" or "radio_buttons" && element["options"]!.AsArray().Count > 10) problems.Add("too many options");
                break;
            case "divider" or "image":
                break;
            default:
                problems.Add($"unexpected block type {type}");
                break;
        }
    }

    private static void CheckText(JsonNode? textObject, int max, string where, List<string> problems)
    {
        var text = (string?)textObject?["text"];
        if (string.IsNullOrWhiteSpace(text)) problems.Add($"{where}: empty text");
        else if (text.Length > max) problems.Add($"{where}: {text.Length} chars > {max}");
    }
}
