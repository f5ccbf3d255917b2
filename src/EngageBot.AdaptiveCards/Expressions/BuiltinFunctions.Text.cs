using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace EngageBot.AdaptiveCards.Expressions;

internal static partial class BuiltinFunctions
{
    private static void AddText(Dictionary<string, Function> table)
    {
        Apply(table, ["concat"], 1, int.MaxValue, ConcatValues);
        Apply(table, ["&"], 2, int.MaxValue, args => string.Concat(args.Select(JsValues.Stringify)));
        Apply(table, ["string"], 1, 2, args => ToStringFunction(args[0]));
        Apply(table, ["int"], 1, 1, args => args[0] switch
        {
            string s => ObjectMemory.ParseIntPrefix(s) is { } i ? (double)i : throw new ExpressionException($"parameter {s} is not a valid number string."),
            double d => Math.Truncate(d),
            _ => JsUndefined.Value,
        });
        Apply(table, ["float"], 1, 1, args => args[0] switch
        {
            string s => ParseFloatPrefix(s) ?? throw new ExpressionException($"parameter {s} is not a valid number string."),
            double d => d,
            _ => JsUndefined.Value,
        });
        Apply(table, ["toUpper"], 1, 2, args => args[0] is string or JsUndefined ? StringOrEmpty(args[0]).ToUpperInvariant() : JsUndefined.Value);
        Apply(table, ["toLower"], 1, 2, args => args[0] is string or JsUndefined ? StringOrEmpty(args[0]).ToLowerInvariant() : JsUndefined.Value);
        Apply(table, ["trim"], 1, 1, args => StringOrEmpty(args[0]).Trim());
        Apply(table, ["length"], 1, 1, args => args[0] is string or null or JsUndefined
            ? (double)StringOrEmpty(args[0]).Length
            : throw new ExpressionException($"{JsValues.ToJsString(args[0])} is not a string."));
        Apply(table, ["replace"], 3, 3, args =>
        {
            var old = StringOrEmpty(args[1]);
            if (old.Length == 0) throw new ExpressionException($"{JsValues.ToJsString(args[1])} should be a string with length at least 1");
            return StringOrEmpty(args[0]).Replace(old, StringOrEmpty(args[2]), StringComparison.Ordinal);
        });
        Apply(table, ["substring"], 2, 3, args =>
        {
            if (args[0] is JsUndefined) return "";
            if (args[0] is not string s) throw new ExpressionException($"{JsValues.ToJsString(args[0])} is not a string.");
            var start = Integer(args[1], "substring");
            if (start < 0 || start > s.Length) throw new ExpressionException($"{start} is out of range for {s}");
            var length = args.Count == 3 ? Integer(args[2], "substring") : s.Length - start;
            if (length < 0 || start + length > s.Length) throw new ExpressionException($"{length} is out of range for {s}");
            return s.Substring(start, length);
        });
        Apply(table, ["startsWith"], 2, 2, args => StringOrEmpty(args[0]).StartsWith(StringOrEmpty(args[1]), StringComparison.Ordinal));
        Apply(table, ["endsWith"], 2, 2, args => StringOrEmpty(args[0]).EndsWith(StringOrEmpty(args[1]), StringComparison.Ordinal));
        Apply(table, ["split"], 1, 2, args =>
        {
            var separator = args.Count == 2 ? StringOrEmpty(args[1]) : "";
            var text = StringOrEmpty(args[0]);
            var parts = separator.Length == 0 ? text.Select(c => c.ToString()) : text.Split(separator);
            return new JsonArray(parts.Select(p => (JsonNode?)JsonValue.Create(p)).ToArray());
        });
        Apply(table, ["formatNumber"], 2, 3, args =>
        {
            var number = JsValues.IsNumber(args[0]) ? (double)args[0]! : throw new ExpressionException($"formatNumber first argument {JsValues.ToJsString(args[0])} must be a number");
            var precision = JsValues.IsNumber(args[1]) ? (int)(double)args[1]! : throw new ExpressionException($"formatNumber second argument {JsValues.ToJsString(args[1])} must be a number");
            return GroupedFixed(RoundToPrecision(number, precision), precision);
        });
        Apply(table, ["json"], 1, 1, args =>
        {
            if (args[0] is not string text) return args[0];
            try
            {
                return JsValues.FromNode(JsonNode.Parse(text.Trim()));
            }
            catch (JsonException e)
            {
                throw new ExpressionException($"json() could not parse {text}: {e.Message}");
            }
        });
    }

    /// <summary>AEL's concat as it behaves in the reference build: every argument stringified (null as "") and joined.</summary>
    public static object? ConcatValues(List<object?> args) =>
        string.Concat(args.Select(a => a is JsonArray ? JsValues.ToJsString(a) : JsValues.Stringify(a)));

    /// <summary>AEL's string(): numbers via d3-format ",.Nf" (thousands separators, N = the decimals JS prints).</summary>
    private static string ToStringFunction(object? value) => value switch
    {
        string s => s,
        double d => GroupedFixed(d, JsValues.NumberToString(d) is var text && text.IndexOf('.') is var dot and >= 0 ? text.Length - dot - 1 : 0),
        _ => JsValues.Stringify(value),
    };

    /// <summary>d3-format ",.Nf": thousands separators, and U+2212 as the minus sign (d3's default).</summary>
    private static string GroupedFixed(double value, int precision)
    {
        var text = Math.Abs(value).ToString("N" + Math.Clamp(precision, 0, 99), CultureInfo.InvariantCulture);
        return value < 0 && text.Any(c => c is >= '1' and <= '9') ? "\u2212" + text : text;
    }

    /// <summary>JavaScript parseFloat: the longest leading decimal number.</summary>
    private static double? ParseFloatPrefix(string text)
    {
        var t = text.TrimStart();
        for (var end = t.Length; end > 0; end--)
            if (double.TryParse(t.AsSpan(0, end), NumberStyles.Float, CultureInfo.InvariantCulture, out var d) && !t[..end].Contains(' '))
                return d;
        return null;
    }
}
