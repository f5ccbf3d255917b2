using System.Text.Json.Nodes;

namespace EngageBot.Cards;

/// <summary>Reading expanded Adaptive Card JSON: element walks (containers flattened), inputs, actions, typed props.</summary>
internal static class CardElements
{
    private static readonly HashSet<string> InputTypes = ["Input.Text", "Input.Number", "Input.Date", "Input.Time", "Input.Toggle", "Input.ChoiceSet"];

    public static string Type(JsonNode? element) => element?["type"] is JsonValue v && v.TryGetValue<string>(out var s) ? s : "";

    public static string String(JsonNode? element, string property) =>
        element?[property] is JsonValue v ? v.TryGetValue<string>(out var s) ? s : v.ToJsonString() : "";

    public static string? OptionalString(JsonNode? element, string property) =>
        element?[property] is JsonValue v && v.TryGetValue<string>(out var s) ? s : null;

    public static bool Bool(JsonNode? element, string property) =>
        element?[property] is JsonValue v && v.TryGetValue<bool>(out var b) && b;

    public static double? Number(JsonNode? element, string property) =>
        element?[property] is JsonValue v && v.TryGetValue<double>(out var d) ? d : null;

    public static bool IsInput(JsonNode? element) => InputTypes.Contains(Type(element));

    public static bool IsHidden(JsonNode? element) => element?["isVisible"] is JsonValue v && v.TryGetValue<bool>(out var b) && !b;

    /// <summary>Elements in reading order with Containers and Columns opened up (the containers themselves not returned).</summary>
    public static IEnumerable<JsonNode> Walk(JsonArray? items)
    {
        if (items is null) yield break;
        foreach (var item in items)
        {
            if (item is null || IsHidden(item)) continue;
            switch (Type(item))
            {
                case "Container":
                    foreach (var inner in Walk(item["items"] as JsonArray)) yield return inner;
                    break;
                case "ColumnSet":
                    foreach (var column in item["columns"] as JsonArray ?? [])
                        foreach (var inner in Walk(column?["items"] as JsonArray)) yield return inner;
                    break;
                default:
                    yield return item;
                    break;
            }
        }
    }

    public static IEnumerable<JsonNode> Inputs(JsonObject card) => Walk(card["body"] as JsonArray).Where(IsInput);

    /// <summary>Every action: ActionSets in the body (in order) then the card's actions. Fallbacks are not included.</summary>
    public static IEnumerable<JsonNode> Actions(JsonObject card) =>
        Walk(card["body"] as JsonArray).Where(e => Type(e) == "ActionSet").SelectMany(e => (e["actions"] as JsonArray ?? []).OfType<JsonNode>())
            .Concat((card["actions"] as JsonArray ?? []).OfType<JsonNode>());

    public static bool TakesInputs(JsonNode action) =>
        Type(action) is "Action.Execute" or "Action.Submit" && OptionalString(action, "associatedInputs")?.ToLowerInvariant() != "none";

    public static IEnumerable<(string Title, string Value)> Facts(JsonNode factSet) =>
        (factSet["facts"] as JsonArray ?? []).OfType<JsonNode>().Select(f => (String(f, "title"), String(f, "value")));

    public static string RichText(JsonNode block) =>
        string.Concat((block["inlines"] as JsonArray ?? []).Select(i => i is JsonValue v ? v.ToString() : String(i, "text")));
}
