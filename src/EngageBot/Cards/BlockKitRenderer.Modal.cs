using System.Text.Json.Nodes;

namespace EngageBot.Cards;

public sealed partial class BlockKitRenderer
{
    /// <summary>
    /// The card's inputs as a Slack modal: block_id = action_id = the input id (so view_submission's
    /// state.values[id][id] maps back to the card's input ids), text content above them, submit labelled as the
    /// card action whose verb is <paramref name="callbackId"/>.
    /// </summary>
    public JsonObject RenderModal(JsonObject adaptiveCard, string callbackId, string privateMetadata)
    {
        if (callbackId.Length is 0 or > SlackLimits.CallbackId)
            throw new ArgumentException($"callback_id must be 1–{SlackLimits.CallbackId} chars.", nameof(callbackId));
        if (privateMetadata.Length > SlackLimits.PrivateMetadata)
            throw new ArgumentException($"private_metadata is {privateMetadata.Length} chars; Slack allows {SlackLimits.PrivateMetadata}.", nameof(privateMetadata));

        var inputs = CardElements.Inputs(adaptiveCard).Select(InputBlock).ToList();
        if (inputs.Count == 0) throw new ArgumentException("The card has no inputs to put in a modal.", nameof(adaptiveCard));
        if (inputs.Count > SlackLimits.ModalBlocks) throw new ArgumentException($"The card has {inputs.Count} inputs; a modal holds {SlackLimits.ModalBlocks} blocks.", nameof(adaptiveCard));

        // The card's text (not its buttons) above the inputs; the header becomes the modal title instead.
        var content = new List<JsonObject>();
        RenderItems(adaptiveCard["body"] as JsonArray, content, new RenderState(HasInputs: true));
        content.RemoveAll(b => CardElements.Type(b) is "actions" or "header");
        var blocks = Fit(content, inputs, SlackLimits.ModalBlocks, int.MaxValue);

        var submitTitle = CardElements.Actions(adaptiveCard)
            .FirstOrDefault(a => CardElements.OptionalString(a, "verb") == callbackId) is { } submit
            ? CardText.ToPlainShort(CardElements.String(submit, "title"))
            : "Submit";
        return new JsonObject
        {
            ["type"] = "modal",
            ["callback_id"] = callbackId,
            ["private_metadata"] = privateMetadata,
            ["title"] = BlockKitBlocks.PlainText(ModalTitle(adaptiveCard), SlackLimits.ModalTitle),
            ["submit"] = BlockKitBlocks.PlainText(submitTitle, SlackLimits.ModalButton),
            ["close"] = BlockKitBlocks.PlainText("Cancel", SlackLimits.ModalButton),
            ["blocks"] = blocks,
        };
    }

    private static string ModalTitle(JsonObject card) => CardPlainText.Title(card) is { Length: > 0 } title ? title : "EngageBot";

    private static JsonObject InputBlock(JsonNode input)
    {
        var id = CardElements.String(input, "id");
        if (id.Length is 0 or > 255) throw new ArgumentException($"Every input needs an id of 1–255 chars (found '{id}').");
        var type = CardElements.Type(input);
        var label = CardElements.OptionalString(input, "label")
            ?? (type == "Input.Toggle" ? CardElements.OptionalString(input, "title") : null)
            ?? CardElements.OptionalString(input, "placeholder")
            ?? id;
        var element = type switch
        {
            "Input.Text" => TextInput(input),
            "Input.Number" => NumberInput(input),
            "Input.Date" => WithInitial(new JsonObject { ["type"] = "datepicker" }, "initial_date", CardElements.OptionalString(input, "value")),
            "Input.Time" => WithInitial(new JsonObject { ["type"] = "timepicker" }, "initial_time", CardElements.OptionalString(input, "value")),
            "Input.Toggle" => ToggleInput(input),
            _ => ChoiceInput(input),
        };
        element["action_id"] = id;
        if (CardElements.OptionalString(input, "placeholder") is { Length: > 0 } placeholder && element["type"]!.GetValue<string>() is not ("checkboxes" or "radio_buttons"))
            element["placeholder"] = BlockKitBlocks.PlainText(placeholder, SlackLimits.Placeholder);
        return new JsonObject
        {
            ["type"] = "input",
            ["block_id"] = id,
            ["label"] = BlockKitBlocks.PlainText(CardText.ToPlainShort(label), SlackLimits.InputLabel),
            ["optional"] = !CardElements.Bool(input, "isRequired"),
            ["element"] = element,
        };
    }

    private static JsonObject TextInput(JsonNode input)
    {
        var element = new JsonObject { ["type"] = "plain_text_input", ["multiline"] = CardElements.Bool(input, "isMultiline") };
        if (CardElements.Number(input, "maxLength") is { } max and > 0) element["max_length"] = (int)Math.Min(max, SlackLimits.PlainTextInputMax);
        return WithInitial(element, "initial_value", CardElements.OptionalString(input, "value"));
    }

    private static JsonObject NumberInput(JsonNode input)
    {
        var element = new JsonObject { ["type"] = "number_input", ["is_decimal_allowed"] = true };
        if (CardElements.Number(input, "min") is { } min) element["min_value"] = JsonValue.Create(min).ToJsonString();
        if (CardElements.Number(input, "max") is { } max) element["max_value"] = JsonValue.Create(max).ToJsonString();
        if (CardElements.Number(input, "value") is { } value) element["initial_value"] = JsonValue.Create(value).ToJsonString();
        return element;
    }

    private static JsonObject ToggleInput(JsonNode input)
    {
        var on = CardElements.OptionalString(input, "valueOn") ?? "true";
        var option = Option(CardElements.String(input, "title"), on);
        var element = new JsonObject { ["type"] = "checkboxes", ["options"] = new JsonArray(option) };
        if (CardElements.OptionalString(input, "value") == on) element["initial_options"] = new JsonArray(option.DeepClone());
        return element;
    }

    /// <summary>Multi-select: checkboxes (≤10 choices) or multi_static_select; single: radio buttons when expanded (≤10), else static_select.</summary>
    private static JsonObject ChoiceInput(JsonNode input)
    {
        var choices = (input["choices"] as JsonArray ?? []).OfType<JsonNode>()
            .Select(c => Option(CardElements.String(c, "title"), CardElements.String(c, "value"))).ToList();
        if (choices.Count == 0) throw new ArgumentException($"Choice input '{CardElements.String(input, "id")}' has no choices.");
        var multi = CardElements.Bool(input, "isMultiSelect");
        var expanded = CardElements.OptionalString(input, "style")?.Equals("expanded", StringComparison.OrdinalIgnoreCase) == true;
        var type = multi
            ? choices.Count <= SlackLimits.CheckboxOptions ? "checkboxes" : "multi_static_select"
            : expanded && choices.Count <= SlackLimits.RadioOptions ? "radio_buttons" : "static_select";
        var options = choices.Take(SlackLimits.StaticSelectOptions).ToList();
        var element = new JsonObject { ["type"] = type, ["options"] = new JsonArray(options.Cast<JsonNode>().ToArray()) };
        var initial = (CardElements.OptionalString(input, "value") ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        var selected = options.Where(o => initial.Contains(o["value"]!.GetValue<string>())).ToList();
        if (selected.Count > 0)
        {
            if (multi) element["initial_options"] = new JsonArray(selected.Select(o => (JsonNode)o.DeepClone()).ToArray());
            else element["initial_option"] = selected[0].DeepClone();
        }
        return element;
    }

    private static JsonObject Option(string title, string value)
    {
        if (value.Length is 0 or > SlackLimits.OptionValue)
            throw new ArgumentException($"Choice value '{value}' must be 1–{SlackLimits.OptionValue} chars for Slack.");
        return new JsonObject { ["text"] = BlockKitBlocks.PlainText(CardText.ToPlainShort(title), SlackLimits.OptionText), ["value"] = value };
    }

    private static JsonObject WithInitial(JsonObject element, string property, string? value)
    {
        if (!string.IsNullOrEmpty(value)) element[property] = value;
        return element;
    }
}
