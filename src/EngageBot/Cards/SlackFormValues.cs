using System.Text.Json.Nodes;

namespace EngageBot.Cards;

/// <summary>
/// A Slack view_submission's state.values as the card data Teams would send for the same form: one string per input
/// id (multi-select and checkbox values comma-separated as Adaptive Cards does; an unchecked toggle is absent).
/// </summary>
public static class SlackFormValues
{
    public static JsonObject ToCardData(JsonObject stateValues, JsonObject? actionData = null)
    {
        var data = actionData is null ? new JsonObject() : (JsonObject)actionData.DeepClone();
        foreach (var (_, block) in stateValues)
        {
            foreach (var (actionId, element) in block as JsonObject ?? [])
            {
                if (element is not JsonObject e) continue;
                var value = (string?)(e["type"]?.GetValue<string>()) switch
                {
                    "static_select" or "radio_buttons" => e["selected_option"]?["value"]?.GetValue<string>(),
                    "multi_static_select" or "checkboxes" => e["selected_options"] is JsonArray { Count: > 0 } selected
                        ? string.Join(",", selected.Select(o => o?["value"]?.GetValue<string>()))
                        : null,
                    "datepicker" => e["selected_date"]?.GetValue<string>(),
                    "timepicker" => e["selected_time"]?.GetValue<string>(),
                    _ => e["value"]?.GetValue<string>(),
                };
                if (value is not null) data[actionId] = value;
            }
        }
        return data;
    }
}
