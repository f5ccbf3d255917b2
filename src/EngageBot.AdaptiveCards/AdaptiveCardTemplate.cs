using System.Text.Json.Nodes;
using EngageBot.AdaptiveCards.Expressions;

namespace EngageBot.AdaptiveCards;

/// <summary>
/// An Adaptive Card template (the templating language of npm adaptivecards-templating 2.x, which is the reference:
/// the same template and data give the same card). Parsed once; <see cref="Expand"/> is thread-safe.
/// </summary>
/// <remarks>
/// Semantics kept from the reference engine: <c>$data</c> sets the data context and repeats the element per item of an
/// array (flattened into the parent array); <c>$when</c> drops the element unless it is boolean true; a string that is
/// exactly one <c>${…}</c> keeps the value's type; an undefined path stays as the literal <c>${path}</c>; a part of a
/// mixed string that errs stays as <c>${expression}</c>; a whole-string expression that errs fails the expansion.
/// </remarks>
public sealed class AdaptiveCardTemplate
{
    private static readonly HashSet<string> ReservedFields = ["$data", "$when", "$root", "$index", "$host", "$_acTemplateVersion"];

    private readonly object? _prepared;

    public AdaptiveCardTemplate(string templateJson)
        : this(JsonNode.Parse(templateJson) ?? throw new ArgumentException("The template is JSON null.", nameof(templateJson)))
    {
    }

    public AdaptiveCardTemplate(JsonNode template)
    {
        ArgumentNullException.ThrowIfNull(template);
        try
        {
            _prepared = Prepare(template);
        }
        catch (ExpressionException e)
        {
            throw new TemplateException("The template has an invalid expression: " + e.Message, e);
        }
    }

    /// <summary>Expands the template against <paramref name="rootData"/> (<c>$root</c>) and optional <c>$host</c> data.</summary>
    /// <exception cref="TemplateException">An expression that is a whole string value failed to evaluate.</exception>
    public JsonNode? Expand(JsonNode? rootData, JsonNode? host = null)
    {
        var root = rootData is null ? JsUndefined.Value : JsValues.FromNode(rootData);
        var scope = new Scope(root, JsUndefined.Value, JsUndefined.Value, host is null ? JsUndefined.Value : JsValues.FromNode(host));
        try
        {
            return JsValues.ToNode(Expand(_prepared, scope));
        }
        catch (ExpressionException e)
        {
            throw new TemplateException("Template expansion failed: " + e.Message, e);
        }
    }

    private static object? Prepare(JsonNode? node) => node switch
    {
        JsonObject obj => obj.Select(p => KeyValuePair.Create(p.Key, Prepare(p.Value))).ToList(),
        JsonArray array => array.Select(Prepare).ToArray(),
        JsonValue value when value.GetValueKind() == System.Text.Json.JsonValueKind.String => InterpolatedString.Prepare(value.GetValue<string>()),
        _ => node?.DeepClone(),
    };

    /// <summary>The evaluation context; $data falls back to $root when unset.</summary>
    private sealed record Scope(object? Root, object? Data, object? Index, object? Host)
    {
        public IMemory Memory => new TemplateMemory(Root, Data is JsUndefined ? Root : Data, Index, Host);
    }

    private static object? Expand(object? node, Scope scope) => node switch
    {
        object?[] array => ExpandArray(array, scope),
        List<KeyValuePair<string, object?>> obj => ExpandObject(obj, scope),
        Expr expr => Evaluate(expr, scope),
        JsonNode json => json.DeepClone(),
        string s => s,
        _ => node,
    };

    private static JsonArray ExpandArray(object?[] items, Scope scope)
    {
        var result = new JsonArray();
        foreach (var item in items)
        {
            var expanded = Expand(item, scope);
            if (expanded is null) continue; // dropped by $when or an empty $data array, or a JSON null
            if (expanded is JsonArray repeated)
            {
                foreach (var element in repeated.ToArray())
                {
                    repeated.Remove(element);
                    result.Add(element);
                }
            }
            else
            {
                result.Add(JsValues.ToNode(expanded));
            }
        }
        return result;
    }

    private static object? ExpandObject(List<KeyValuePair<string, object?>> properties, Scope scope)
    {
        var when = Lookup(properties, "$when");
        var dataContext = Lookup(properties, "$data");
        List<object?> contexts;
        var isArray = false;
        if (dataContext is JsUndefined)
        {
            contexts = [JsUndefined.Value];
        }
        else
        {
            var data = dataContext is Expr expr ? Evaluate(expr, scope) : ToValue(dataContext);
            isArray = data is JsonArray;
            contexts = data is JsonArray array ? array.Select(JsValues.FromNode).ToList() : [data];
        }

        var results = new List<JsonObject>();
        for (var i = 0; i < contexts.Count; i++)
        {
            var itemScope = scope with
            {
                Index = isArray ? (double)i : scope.Index,
                Data = contexts[i] is JsUndefined ? scope.Data : contexts[i],
            };
            if (Drops(when, itemScope)) continue;
            var expanded = new JsonObject();
            foreach (var (key, value) in properties)
            {
                if (ReservedFields.Contains(key)) continue;
                var v = Expand(value, itemScope);
                if (v is not JsUndefined) expanded[key] = JsValues.ToNode(v);
            }
            results.Add(expanded);
        }
        // As the reference engine: none → null (dropped from arrays), one → the object, several → an array to flatten.
        return results.Count switch
        {
            0 => null,
            1 => results[0],
            _ => new JsonArray(results.ToArray<JsonNode?>()),
        };
    }

    /// <summary>
    /// $when keeps the element only for a boolean true; evaluated without null substitution. A $when that is not an
    /// expression drops the element when it is truthy (JS quirk kept for parity: <c>"$when": true</c> drops it).
    /// </summary>
    private static bool Drops(object? when, Scope scope)
    {
        if (when is Expr expr)
            return !(new Evaluator(scope.Memory, substitute: false).TryEvaluate(expr, out var value) && value is true);
        return JsValues.IsLogicTrue(ToValue(when)) && ToValue(when) is not (0d or "" or double.NaN);
    }

    private static object? Evaluate(Expr expr, Scope scope)
    {
        var evaluator = new Evaluator(scope.Memory, substitute: true);
        // Values taken from the data are copied: the card must not share (or move) nodes of the caller's data.
        if (expr is not InterpolatedString interpolated)
        {
            var value = evaluator.Evaluate(expr);
            return value is JsonNode node ? node.DeepClone() : value;
        }
        // Each part on its own: a failing part is written back as ${expression}, the rest still renders.
        var text = new System.Text.StringBuilder();
        foreach (var part in interpolated.Parts)
        {
            var partValue = evaluator.TryEvaluate(part, out var v) ? v : "${" + part + "}";
            if (partValue is null or JsUndefined)
                throw new ExpressionException($"Cannot read properties of {JsValues.ToJsString(partValue)} (reading 'toString') in ${{{part}}}");
            text.Append(JsValues.ToJsString(partValue));
        }
        return text.ToString();
    }

    private static object? Lookup(List<KeyValuePair<string, object?>> properties, string key)
    {
        foreach (var (k, v) in properties)
            if (k == key) return v;
        return JsUndefined.Value;
    }

    private static object? ToValue(object? prepared) => prepared switch
    {
        JsonNode n => JsValues.FromNode(n),
        object?[] or List<KeyValuePair<string, object?>> => JsValues.FromNode(JsValues.ToNode(Expand(prepared, new Scope(JsUndefined.Value, JsUndefined.Value, JsUndefined.Value, JsUndefined.Value)))),
        _ => prepared,
    };
}
