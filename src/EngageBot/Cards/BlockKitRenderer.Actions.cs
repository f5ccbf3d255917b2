using System.Text.Json.Nodes;

namespace EngageBot.Cards;

public sealed partial class BlockKitRenderer
{
    /// <summary>Buttons for a list of card actions, 25 per actions block, action_ids unique within each block.</summary>
    private static List<JsonObject> ActionBlocks(IReadOnlyList<JsonNode> actions, RenderState state)
    {
        var buttons = new List<JsonObject>();
        foreach (var action in actions)
            if (Button(action, state) is { } button) buttons.Add(button);
        var blocks = new List<JsonObject>();
        foreach (var chunk in buttons.Chunk(SlackLimits.ActionElements))
        {
            var used = new HashSet<string>(StringComparer.Ordinal);
            foreach (var button in chunk)
            {
                var id = button["action_id"]!.GetValue<string>();
                for (var n = 2; !used.Add(id); n++) id = $"{VerbOf(id)}{ActionIdSuffix}{n}";
                button["action_id"] = id;
            }
            blocks.Add(BlockKitBlocks.Actions(chunk));
        }
        return blocks;
    }

    private static JsonObject? Button(JsonNode action, RenderState state)
    {
        var title = CardText.ToPlainShort(CardElements.String(action, "title"));
        switch (CardElements.Type(action))
        {
            case "Action.OpenUrl":
                var url = CardElements.String(action, "url");
                if (url.Length is 0 or > SlackLimits.ButtonUrl) return null;
                return BlockKitBlocks.Button(title, $"openUrl{ActionIdSuffix}{++state.UrlButtons}", url: url);
            case "Action.Execute" or "Action.Submit":
                var data = action["data"] as JsonObject is { } d ? (JsonObject)d.DeepClone() : [];
                var verb = CardElements.OptionalString(action, "verb") ?? CardElements.OptionalString(data, "verb") ?? "card.submit";
                data.Remove("verb");
                var style = CardElements.OptionalString(action, "style")?.ToLowerInvariant() switch
                {
                    "positive" => "primary",
                    "destructive" => "danger",
                    _ => null,
                };
                if (state.HasInputs && CardElements.TakesInputs(action))
                {
                    var form = new SlackFormButton(verb, data).ToValue();
                    return form.Length <= SlackLimits.ButtonValue
                        ? BlockKitBlocks.Button(title + CardText.Ellipsis, CardVerbs.OpenForm, value: form, style: style ?? "primary")
                        : throw new InvalidOperationException($"The data of card action '{verb}' is {form.Length} chars as JSON; a Slack button value holds {SlackLimits.ButtonValue}. Put ids in action data, not content.");
                }
                var value = data.ToJsonString();
                return value.Length <= SlackLimits.ButtonValue
                    ? BlockKitBlocks.Button(title, verb, value: value, style: style)
                    : throw new InvalidOperationException($"The data of card action '{verb}' is {value.Length} chars as JSON; a Slack button value holds {SlackLimits.ButtonValue}. Put ids in action data, not content.");
            default:
                return null; // ShowCard / ToggleVisibility have no Slack equivalent
        }
    }
}
