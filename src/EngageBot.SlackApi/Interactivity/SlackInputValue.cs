using System.Text.Json.Nodes;

namespace EngageBot.SlackApi.Interactivity;

/// <summary>Reads the submitted value out of one input element's state, whatever the element type.</summary>
public static class SlackInputValue
{
    public static JsonNode? Read(JsonObject state)
    {
        if (state["value"] is JsonValue v) return v.DeepClone();
        if (state["selected_option"] is JsonObject option) return option["value"]?.DeepClone();
        if (state["selected_options"] is JsonArray options)
            return string.Join(',', options.OfType<JsonObject>().Select(o => (string?)o["value"]).Where(s => s is not null));
        foreach (var key in new[] { "selected_date", "selected_time", "selected_date_time", "selected_user", "selected_channel", "selected_conversation" })
            if (state[key] is JsonValue picked) return picked.DeepClone();
        if (state["selected_users"] is JsonArray users) return string.Join(',', users.Select(u => (string?)u));
        return null;
    }
}
