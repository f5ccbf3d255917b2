using System.Text.Json;
using System.Text.Json.Nodes;

namespace EngageBot.Cards;

/// <summary>
/// The value of the Slack "open form" button (action_id <see cref="CardVerbs.OpenForm"/>): the verb of the card action
/// that needs inputs and that action's data. The server finds the card with
/// <see cref="CardLibrary.CardForFormVerb"/> (each input-taking verb belongs to one template), re-expands it with current data,
/// and opens <see cref="IBlockKitRenderer.RenderModal"/> with callback_id = verb and private_metadata = the data.
/// </summary>
public sealed record SlackFormButton(string Verb, JsonObject Data)
{
    public string ToValue() => new JsonObject { ["verb"] = Verb, ["data"] = Data.DeepClone() }.ToJsonString();

    public static SlackFormButton? TryParse(string? value)
    {
        if (string.IsNullOrEmpty(value)) return null;
        try
        {
            return JsonNode.Parse(value) is JsonObject { } o && o["verb"] is JsonValue verb && verb.TryGetValue<string>(out var v)
                ? new SlackFormButton(v, o["data"] as JsonObject is { } d ? (JsonObject)d.DeepClone() : [])
                : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
