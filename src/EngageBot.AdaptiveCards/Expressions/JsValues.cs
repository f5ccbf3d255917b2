using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace EngageBot.AdaptiveCards.Expressions;

/// <summary>
/// Runtime values follow JavaScript, because the reference engine is JavaScript: every number is a double,
/// strings convert with JS rules, objects and arrays stay as JSON nodes from the data.
/// Value kinds: null, <see cref="JsUndefined"/>, string, double, bool, JsonObject, JsonArray.
/// </summary>
internal static class JsValues
{
    public static object? FromNode(JsonNode? node) => node switch
    {
        null => null,
        // Arms typed object on purpose: JsonNode's implicit conversions would otherwise turn numbers back into nodes.
        JsonObject or JsonArray => (object)node,
        JsonValue v => v.GetValueKind() switch
        {
            JsonValueKind.String => (object)v.GetValue<string>(),
            // A node built in memory from an int (JsonValue.Create(3)) holds an int, which GetValue<double> refuses.
            JsonValueKind.Number => v.TryGetValue<double>(out var d) ? d : double.Parse(v.ToJsonString(), System.Globalization.CultureInfo.InvariantCulture),
            JsonValueKind.True => true,
            JsonValueKind.False => false,
            _ => null,
        },
        _ => null,
    };

    public static JsonNode? ToNode(object? value) => value switch
    {
        null or JsUndefined => null,
        string s => JsonValue.Create(s),
        bool b => JsonValue.Create(b),
        double d => NumberNode(d),
        JsonNode n => n.Parent is null ? n : n.DeepClone(),
        _ => throw new ExpressionException($"Unsupported value {value}"),
    };

    private static JsonNode NumberNode(double d)
    {
        if (double.IsNaN(d) || double.IsInfinity(d)) throw new ExpressionException($"{ToJsString(d)} is not a JSON number.");
        return Math.Floor(d) == d && Math.Abs(d) < 9007199254740992d ? JsonValue.Create((long)d) : JsonValue.Create(d);
    }

    public static bool IsNumber(object? value) => value is double d && !double.IsNaN(d);

    public static bool IsInteger(object? value) => value is double d && Math.Floor(d) == d && !double.IsInfinity(d);

    /// <summary>AEL's isLogicTrue: booleans are themselves, null/undefined false, anything else true.</summary>
    public static bool IsLogicTrue(object? value) => value switch
    {
        bool b => b,
        null or JsUndefined => false,
        _ => true,
    };

    public static bool IsNullish(object? value) => value is null or JsUndefined;

    /// <summary>JavaScript's <c>String(value)</c> (what <c>value.toString()</c> gives).</summary>
    public static string ToJsString(object? value) => value switch
    {
        null => "null",
        JsUndefined => "undefined",
        string s => s,
        bool b => b ? "true" : "false",
        double d => NumberToString(d),
        JsonArray a => string.Join(",", a.Select(item => item is null ? "" : ToJsString(FromNode(item)))),
        JsonObject => "[object Object]",
        _ => value.ToString() ?? "",
    };

    private static readonly JsonSerializerOptions JsStringify = new() { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>AEL's commonStringify: null as "", objects as JSON.stringify with leading/trailing quotes trimmed, else String().</summary>
    public static string Stringify(object? value) => value switch
    {
        null or JsUndefined => "",
        JsonNode n => n.ToJsonString(JsStringify).Trim('"', '\''),
        _ => ToJsString(value),
    };

    public static string NumberToString(double d)
    {
        if (double.IsNaN(d)) return "NaN";
        if (double.IsPositiveInfinity(d)) return "Infinity";
        if (double.IsNegativeInfinity(d)) return "-Infinity";
        if (d == 0) return "0";
        var abs = Math.Abs(d);
        if (abs >= 1e21 || abs < 1e-6)
        {
            // JS exponent form: 1e+21, 1.5e-7
            var r = d.ToString("R", CultureInfo.InvariantCulture).Replace("E", "e");
            return r.Contains("e-") ? r : r.Replace("e", "e+").Replace("e++", "e+");
        }
        return d.ToString("R", CultureInfo.InvariantCulture);
    }

    /// <summary>Deep equality as AEL's isEqual: same type and value; arrays/objects compared structurally.</summary>
    public static bool StrictEquals(object? a, object? b)
    {
        if (IsNullish(a) || IsNullish(b)) return IsNullish(a) && IsNullish(b);
        return (a, b) switch
        {
            (double x, double y) => x == y,
            (string x, string y) => x == y,
            (bool x, bool y) => x == y,
            (JsonNode x, JsonNode y) => JsonNode.DeepEquals(x, y),
            _ => false,
        };
    }

    public static string TypeName(object? value) => value switch
    {
        null => "null",
        JsUndefined => "undefined",
        string => "string",
        double => "number",
        bool => "boolean",
        _ => "object",
    };
}
