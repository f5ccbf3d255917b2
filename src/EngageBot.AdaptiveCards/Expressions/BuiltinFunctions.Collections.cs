using System.Text.Json.Nodes;

namespace EngageBot.AdaptiveCards.Expressions;

internal static partial class BuiltinFunctions
{
    private static void AddCollections(Dictionary<string, Function> table)
    {
        Apply(table, ["count"], 1, 1, args => args[0] switch
        {
            string s => (double)s.Length,
            JsonArray a => (double)a.Count,
            JsonObject o => (double)o.Count,
            _ => throw new ExpressionException($"{JsValues.ToJsString(args[0])} must be a string, array or object."),
        });
        Comparison(table, ["empty"], 1, args => args[0] switch
        {
            null or JsUndefined => true,
            string s => s.Length == 0,
            JsonArray a => a.Count == 0,
            JsonObject o => o.Count == 0,
            _ => true, // Object.keys of a number or boolean is empty
        });
        Apply(table, ["first"], 1, 1, args => args[0] switch
        {
            string { Length: > 0 } s => s[0].ToString(),
            JsonArray { Count: > 0 } a => JsValues.FromNode(a[0]),
            _ => JsUndefined.Value,
        });
        Apply(table, ["last"], 1, 1, args => args[0] switch
        {
            string { Length: > 0 } s => s[^1].ToString(),
            JsonArray { Count: > 0 } a => JsValues.FromNode(a[^1]),
            _ => JsUndefined.Value,
        });
        Apply(table, ["take"], 2, 2, args => Slice(args[0], 0, Integer(args[1], "take")));
        Apply(table, ["skip"], 2, 2, args => Slice(args[0], Integer(args[1], "skip"), int.MaxValue));
        Apply(table, ["join"], 2, 3, args =>
        {
            if (args[0] is not JsonArray list) throw new ExpressionException($"{JsValues.ToJsString(args[0])} is not a list.");
            var items = list.Select(n => n is null ? "" : JsValues.ToJsString(JsValues.FromNode(n))).ToList();
            var separator = JsValues.ToJsString(args[1]);
            if (args.Count == 2 || items.Count < 2) return string.Join(args.Count == 2 ? separator : JsValues.ToJsString(args[2]), items);
            return string.Join(separator, items.Take(items.Count - 1)) + JsValues.ToJsString(args[2]) + items[^1];
        });
        Apply(table, ["contains"], 2, 2, args => args[0] switch
        {
            string s => args[1] is string part && s.Contains(part, StringComparison.Ordinal),
            JsonArray a => a.Any(n => JsValues.StrictEquals(JsValues.FromNode(n), args[1])),
            JsonObject o => args[1] is string key && o.ContainsKey(key),
            _ => false,
        });
        Apply(table, ["createArray"], 0, int.MaxValue, args => new JsonArray(args.Select(JsValues.ToNode).ToArray()));
        Apply(table, ["coalesce"], 1, int.MaxValue, args => args.FirstOrDefault(a => !JsValues.IsNullish(a)));
    }

    private static object Slice(object? collection, int start, int count)
    {
        switch (collection)
        {
            case string s:
                start = Math.Clamp(start, 0, s.Length);
                return s.Substring(start, Math.Clamp(count, 0, s.Length - start));
            case JsonArray a:
                start = Math.Clamp(start, 0, a.Count);
                return new JsonArray(a.Skip(start).Take(Math.Max(count, 0)).Select(n => n?.DeepClone()).ToArray());
            default:
                throw new ExpressionException($"{JsValues.ToJsString(collection)} is not a string or array.");
        }
    }
}
