using System.Text.Json.Nodes;

namespace EngageBot.Cards;

/// <summary>
/// Adaptive Card → Slack Block Kit. TextBlock: the first large or bolder one is the header, small/subtle ones are
/// context, the rest sections. FactSet → section fields; ColumnSet of texts → one field per column; containers are
/// flattened; Image → image. Action.Execute/Submit → button (action_id = verb, value = the action data as JSON);
/// Action.OpenUrl → url button. Inputs never go in a message: each action that takes inputs becomes an
/// "open form" button (<see cref="CardVerbs.OpenForm"/>, value <see cref="SlackFormButton"/>) and the server opens
/// <see cref="RenderModal"/>. Every Block Kit limit is kept by splitting or visible truncation.
/// </summary>
public sealed partial class BlockKitRenderer : IBlockKitRenderer
{
    /// <summary>Suffix separator for a verb used twice in one actions block (action_ids must be unique there).</summary>
    public const char ActionIdSuffix = '#';

    /// <summary>The verb behind a button's action_id (strips the uniqueness suffix).</summary>
    public static string VerbOf(string actionId) =>
        actionId.IndexOf(ActionIdSuffix) is var i and >= 0 ? actionId[..i] : actionId;

    public BlockKitMessage RenderMessage(JsonObject adaptiveCard)
    {
        var content = new List<JsonObject>();
        var state = new RenderState(HasInputs: CardElements.Inputs(adaptiveCard).Any());
        RenderItems(adaptiveCard["body"] as JsonArray, content, state);
        var cardActions = (adaptiveCard["actions"] as JsonArray ?? []).OfType<JsonNode>().ToList();
        var trailing = ActionBlocks(cardActions, state).Take(SlackLimits.MessageBlocks / 2).ToList();
        var blocks = Fit(content, trailing, SlackLimits.MessageBlocks, SlackLimits.MessageTextBudget);
        return new BlockKitMessage(blocks, CardText.EscapeSlack(CardPlainText.Render(adaptiveCard)));
    }

    private sealed record RenderState(bool HasInputs)
    {
        public bool HeaderDone { get; set; }
        public int UrlButtons { get; set; }
    }

    private void RenderItems(JsonArray? items, List<JsonObject> blocks, RenderState state)
    {
        foreach (var item in (items ?? []).OfType<JsonNode>())
        {
            if (CardElements.IsHidden(item) || CardElements.IsInput(item)) continue;
            if (CardElements.Bool(item, "separator") && blocks.Count > 0 && CardElements.Type(blocks[^1]) != "divider")
                blocks.Add(BlockKitBlocks.Divider());
            switch (CardElements.Type(item))
            {
                case "TextBlock":
                    RenderText(item, blocks, state);
                    break;
                case "RichTextBlock":
                    blocks.Add(BlockKitBlocks.Section(CardText.ToSlackMrkdwn(CardElements.RichText(item))));
                    break;
                case "FactSet":
                    var facts = CardElements.Facts(item)
                        .Select(f => $"*{CardText.ToSlackMrkdwn(f.Title)}*\n{CardText.ToSlackMrkdwn(f.Value)}").ToList();
                    foreach (var chunk in facts.Chunk(SlackLimits.SectionFields)) blocks.Add(BlockKitBlocks.Fields(chunk));
                    break;
                case "ColumnSet":
                    RenderColumns(item, blocks, state);
                    break;
                case "Container":
                    RenderItems(item["items"] as JsonArray, blocks, state);
                    break;
                case "Image":
                    AddImage(item, blocks);
                    break;
                case "ImageSet":
                    foreach (var image in (item["images"] as JsonArray ?? []).OfType<JsonNode>()) AddImage(image, blocks);
                    break;
                case "ActionSet":
                    blocks.AddRange(ActionBlocks((item["actions"] as JsonArray ?? []).OfType<JsonNode>().ToList(), state));
                    break;
                default:
                    // Unknown to Slack (charts, media, tables): use the element's fallback when it has one.
                    if (item["fallback"] is JsonObject fallback) RenderItems([fallback.DeepClone()], blocks, state);
                    break;
            }
        }
    }

    private static void RenderText(JsonNode item, List<JsonObject> blocks, RenderState state)
    {
        var text = CardElements.String(item, "text");
        if (string.IsNullOrWhiteSpace(text)) return;
        var size = CardElements.OptionalString(item, "size")?.ToLowerInvariant();
        var bolder = CardElements.OptionalString(item, "weight")?.Equals("bolder", StringComparison.OrdinalIgnoreCase) == true;
        if (!state.HeaderDone && (size is "large" or "extralarge" || bolder) && blocks.Count == 0)
        {
            state.HeaderDone = true;
            blocks.Add(BlockKitBlocks.Header(CardText.ToPlainShort(text)));
            return;
        }
        state.HeaderDone = true;
        var mrkdwn = CardText.ToSlackMrkdwn(text);
        if (size == "small" || CardElements.Bool(item, "isSubtle"))
        {
            if (blocks.Count > 0 && blocks[^1]["type"]?.ToString() == "context" && blocks[^1]["elements"] is JsonArray { Count: < SlackLimits.ContextElements } elements)
                elements.Add(BlockKitBlocks.Mrkdwn(mrkdwn, SlackLimits.SectionText));
            else
                blocks.Add(BlockKitBlocks.Context(mrkdwn));
            return;
        }
        blocks.Add(BlockKitBlocks.Section(bolder ? Bold(mrkdwn) : mrkdwn));
    }

    /// <summary>Columns holding only text become one section field each (up to 10); anything richer is flattened.</summary>
    private void RenderColumns(JsonNode columnSet, List<JsonObject> blocks, RenderState state)
    {
        var columns = (columnSet["columns"] as JsonArray ?? []).OfType<JsonNode>().Where(c => !CardElements.IsHidden(c)).ToList();
        var texts = columns.Select(c => CardElements.Walk(c["items"] as JsonArray).ToList()).ToList();
        if (columns.Count is > 0 and <= SlackLimits.SectionFields && texts.All(t => t.Count > 0 && t.All(e => CardElements.Type(e) == "TextBlock")))
        {
            state.HeaderDone = true;
            blocks.Add(BlockKitBlocks.Fields(texts.Select(t => string.Join("\n", t.Select(ColumnLine)))));
            return;
        }
        foreach (var column in columns) RenderItems(column["items"] as JsonArray, blocks, state);
    }

    private static string ColumnLine(JsonNode textBlock)
    {
        var mrkdwn = CardText.ToSlackMrkdwn(CardElements.String(textBlock, "text"));
        var size = CardElements.OptionalString(textBlock, "size")?.ToLowerInvariant();
        var strong = CardElements.OptionalString(textBlock, "weight")?.Equals("bolder", StringComparison.OrdinalIgnoreCase) == true
            || size is "large" or "extralarge";
        return strong ? Bold(mrkdwn) : mrkdwn;
    }

    private static string Bold(string mrkdwn) => mrkdwn.Contains('\n') || mrkdwn.Contains('*') ? mrkdwn : $"*{mrkdwn}*";

    private static void AddImage(JsonNode image, List<JsonObject> blocks)
    {
        var url = CardElements.String(image, "url");
        if (url.Length is 0 or > SlackLimits.ButtonUrl || !url.StartsWith("https://", StringComparison.OrdinalIgnoreCase)) return;
        blocks.Add(BlockKitBlocks.Image(url, CardElements.OptionalString(image, "altText") ?? "image"));
    }

    /// <summary>
    /// Keeps the message within the block count and Slack's whole-message text budget: action blocks always stay,
    /// content is cut from the end with a visible note of what was left out.
    /// </summary>
    private static JsonArray Fit(List<JsonObject> content, List<JsonObject> trailing, int maxBlocks, int textBudget)
    {
        // Trailing blocks (buttons, modal inputs) always stay; the caller keeps them within the block limit.
        // When something must go, buttons from the body move to the end so no action is ever lost.
        var total = content.Sum(BlockKitBlocks.TextLength) + trailing.Sum(BlockKitBlocks.TextLength);
        if (content.Count + trailing.Count > maxBlocks || total > textBudget)
        {
            trailing = content.Where(b => CardElements.Type(b) == "actions").Concat(trailing).ToList();
            content = content.Where(b => CardElements.Type(b) != "actions").ToList();
        }
        var room = maxBlocks - trailing.Count;
        var used = trailing.Sum(BlockKitBlocks.TextLength);
        var kept = new List<JsonObject>();
        foreach (var block in content)
        {
            var length = BlockKitBlocks.TextLength(block);
            if (kept.Count >= room || used + length > textBudget) break;
            kept.Add(block);
            used += length;
        }
        var dropped = content.Count - kept.Count;
        if (dropped > 0)
        {
            const int noteLength = 60;
            while (kept.Count > 0 && (kept.Count >= room || used + noteLength > textBudget))
            {
                used -= BlockKitBlocks.TextLength(kept[^1]);
                kept.RemoveAt(kept.Count - 1);
                dropped++;
            }
            kept.Add(BlockKitBlocks.Context($"{CardText.Ellipsis} {dropped} more item{(dropped == 1 ? "" : "s")} not shown in Slack."));
        }
        while (kept.Count > 0 && CardElements.Type(kept[^1]) == "divider") kept.RemoveAt(kept.Count - 1);
        return new JsonArray(kept.Concat(trailing).Cast<JsonNode>().ToArray());
    }
}
