using System.Text.Json.Nodes;
using EngageBot.Cards;

namespace EngageBot.Channels.Slack;

/// <summary>
/// A minimal Adaptive Card → Block Kit rendering (text blocks, fact sets, buttons, simple inputs) so Slack works before
/// the card library's full renderer is registered; registered with TryAdd, so that one wins when present.
/// </summary>
public sealed class PlainBlockKitRenderer : IBlockKitRenderer
{
    private const int MaxMessageBlocks = 50;
    private const int MaxSectionText = 3000;

    public BlockKitMessage RenderMessage(JsonObject adaptiveCard)
    {
        var blocks = new JsonArray();
        var texts = new List<string>();
        var hasInputs = false;
        foreach (var element in Elements(adaptiveCard["body"] as JsonArray))
        {
            var type = (string?)element["type"];
            if (type == "TextBlock" && (string?)element["text"] is { Length: > 0 } text)
            {
                texts.Add(text);
                blocks.Add(Section(text));
            }
            else if (type == "FactSet" && element["facts"] is JsonArray facts)
            {
                var lines = facts.OfType<JsonObject>().Select(f => $"*{(string?)f["title"]}* {(string?)f["value"]}");
                blocks.Add(Section(string.Join('\n', lines)));
            }
            else if (type?.StartsWith("Input.", StringComparison.Ordinal) == true) hasInputs = true;
        }

        var buttons = new JsonArray();
        foreach (var action in (Actions(adaptiveCard) ?? []).Take(25))
            buttons.Add(Button(action, opensForm: hasInputs));
        if (buttons.Count > 0) blocks.Add(new JsonObject { ["type"] = "actions", ["elements"] = buttons });

        while (blocks.Count > MaxMessageBlocks) blocks.RemoveAt(MaxMessageBlocks - 1);
        return new BlockKitMessage(blocks, texts.Count > 0 ? texts[0] : "EngageBot");
    }

    public JsonObject RenderModal(JsonObject adaptiveCard, string callbackId, string privateMetadata)
    {
        var blocks = new JsonArray();
        string? title = null;
        foreach (var element in Elements(adaptiveCard["body"] as JsonArray))
        {
            var type = (string?)element["type"];
            if (type == "TextBlock" && (string?)element["text"] is { Length: > 0 } text)
            {
                title ??= text;
                blocks.Add(Section(text));
            }
            else if (type?.StartsWith("Input.", StringComparison.Ordinal) == true && (string?)element["id"] is { } id)
                blocks.Add(Input(element, id, type));
        }
        return new JsonObject
        {
            ["type"] = "modal",
            ["callback_id"] = callbackId,
            ["private_metadata"] = privateMetadata.Length <= 3000 ? privateMetadata : "{}",
            ["title"] = PlainText(Truncate(title ?? "EngageBot", 24)),
            ["submit"] = PlainText("Submit"),
            ["close"] = PlainText("Cancel"),
            ["blocks"] = blocks,
        };
    }

    private static IEnumerable<JsonObject> Elements(JsonArray? body)
    {
        foreach (var element in body?.OfType<JsonObject>() ?? [])
        {
            yield return element;
            foreach (var nested in Elements(element["items"] as JsonArray)) yield return nested;
        }
    }

    private static IEnumerable<JsonObject>? Actions(JsonObject card) => (card["actions"] as JsonArray)?.OfType<JsonObject>();

    private static JsonObject Button(JsonObject action, bool opensForm)
    {
        var button = new JsonObject { ["type"] = "button", ["text"] = PlainText(Truncate((string?)action["title"] ?? "Open", 75)) };
        if ((string?)action["type"] == "Action.OpenUrl")
        {
            button["action_id"] = "open_url:" + (string?)action["url"];
            button["url"] = (string?)action["url"];
            return button;
        }
        var data = (action["data"] as JsonObject)?.DeepClone().AsObject() ?? [];
        if (opensForm) data[SlackCardConventions.OpenFormKey] = true;
        button["action_id"] = (string?)action["verb"] ?? (string?)data["verb"] ?? (string?)action["title"] ?? "action";
        var value = data.ToJsonString();
        if (value.Length <= 2000) button["value"] = value;
        return button;
    }

    private static JsonObject Input(JsonObject element, string id, string type)
    {
        JsonObject control = type switch
        {
            "Input.ChoiceSet" => new JsonObject
            {
                ["type"] = "static_select",
                ["options"] = new JsonArray((element["choices"] as JsonArray ?? []).OfType<JsonObject>()
                    .Select(c => (JsonNode)new JsonObject { ["text"] = PlainText(Truncate((string?)c["title"] ?? "", 75)), ["value"] = (string?)c["value"] })
                    .ToArray()),
            },
            "Input.Date" => new JsonObject { ["type"] = "datepicker" },
            _ => new JsonObject { ["type"] = "plain_text_input", ["multiline"] = (bool?)element["isMultiline"] ?? false },
        };
        control["action_id"] = id;
        return new JsonObject
        {
            ["type"] = "input",
            ["block_id"] = id,
            ["optional"] = !((bool?)element["isRequired"] ?? false),
            ["label"] = PlainText(Truncate((string?)element["label"] ?? id, 2000)),
            ["element"] = control,
        };
    }

    private static JsonObject Section(string text) =>
        new() { ["type"] = "section", ["text"] = new JsonObject { ["type"] = "mrkdwn", ["text"] = Truncate(text, MaxSectionText) } };

    private static JsonObject PlainText(string text) => new() { ["type"] = "plain_text", ["text"] = text };

    private static string Truncate(string text, int max) => text.Length <= max ? text : text[..(max - 1)] + "…";
}
