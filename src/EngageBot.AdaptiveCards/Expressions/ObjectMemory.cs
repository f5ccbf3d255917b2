using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace EngageBot.AdaptiveCards.Expressions;

/// <summary>AEL's SimpleObjectMemory: walks a path like <c>a.b[0]['c']</c>; property names match case-insensitively.</summary>
internal sealed partial class ObjectMemory(object? root) : IMemory
{
    [GeneratedRegex(@"[.\[\]]+")]
    private static partial Regex PathSeparators();

    public object? GetValue(string path)
    {
        if (root is JsUndefined || path.Length == 0) return JsUndefined.Value;
        object? value = JsUndefined.Value;
        var scope = root;
        foreach (var raw in PathSeparators().Split(path))
        {
            if (raw.Length == 0) continue;
            var part = raw.Length >= 2 && (raw[0] == '\'' && raw[^1] == '\'' || raw[0] == '"' && raw[^1] == '"') ? raw[1..^1] : raw;
            if (ParseIntPrefix(part) is { } index && scope is JsonArray array)
            {
                if (index < 0 || index >= array.Count) return JsUndefined.Value; // AEL: out of range is an error → undefined
                value = JsValues.FromNode(array[index]);
            }
            else
            {
                value = Property(scope, part);
            }
            scope = value;
        }
        return value;
    }

    /// <summary>AEL's accessProperty: falsy instances have no properties; names compare case-insensitively.</summary>
    public static object? Property(object? instance, string name)
    {
        switch (instance)
        {
            case JsonObject obj:
                if (obj.TryGetPropertyValue(name, out var exact)) return JsValues.FromNode(exact);
                foreach (var (key, node) in obj)
                    if (string.Equals(key, name, StringComparison.OrdinalIgnoreCase)) return JsValues.FromNode(node);
                return JsUndefined.Value;
            case IReadOnlyDictionary<string, object?> scopes:
                foreach (var (key, v) in scopes)
                    if (string.Equals(key, name, StringComparison.OrdinalIgnoreCase)) return v;
                return JsUndefined.Value;
            case string s when s.Length > 0 && int.TryParse(name, out var i) && i >= 0 && i < s.Length:
                return s[i].ToString();
            default:
                return JsUndefined.Value;
        }
    }

    /// <summary>JavaScript parseInt: the leading integer, or null when there is none.</summary>
    public static int? ParseIntPrefix(string text)
    {
        var t = text.TrimStart();
        var end = 0;
        if (end < t.Length && t[end] is '-' or '+') end++;
        var digitsStart = end;
        while (end < t.Length && char.IsAsciiDigit(t[end])) end++;
        return end > digitsStart && int.TryParse(t.AsSpan(0, end), out var v) ? v : null;
    }
}
