using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace EngageBot.Features.Directory.Import;

/// <summary>
/// Reads one YAML mapping (a partner, a person…) field by field, reporting every problem with the
/// line and column of the offending node and carrying on, so one pass lists all errors.
/// </summary>
internal sealed class YamlMap(YamlMappingNode node, string what, ParseContext context)
{
    public Mark Start => node.Start;

    /// <summary>How errors name this entity, e.g. "partner 'acme'".</summary>
    public string What { get; set; } = what;

    public ParseContext Context => context;

    public static YamlMap? From(YamlNode node, string what, ParseContext context)
    {
        if (node is YamlMappingNode mapping) return new YamlMap(mapping, what, context);
        context.Error(node.Start, $"{what} must be a mapping of fields");
        return null;
    }

    public void RejectUnknownFields(params string[] known)
    {
        foreach (var key in node.Children.Keys)
        {
            var name = (key as YamlScalarNode)?.Value ?? "";
            if (!known.Contains(name, StringComparer.Ordinal))
                context.Error(key.Start, $"{What}: unknown field '{name}' (expected one of: {string.Join(", ", known)})");
        }
    }

    public YamlNode? Node(string key) =>
        node.Children.TryGetValue(new YamlScalarNode(key), out var value) && !IsNull(value) ? value : null;

    public (string Value, Mark At)? Optional(string key)
    {
        var value = Node(key);
        if (value is null) return null;
        if (value is YamlScalarNode { Value: { } text }) return (text.Trim(), value.Start);
        context.Error(value.Start, $"{What}: '{key}' must be a single value");
        return null;
    }

    public (string Value, Mark At)? Required(string key)
    {
        if (Node(key) is null) context.Error(Start, $"{What} is missing required field '{key}'");
        return Optional(key);
    }

    public IReadOnlyList<(string Value, Mark At)> List(string key)
    {
        var value = Node(key);
        if (value is null) return [];
        if (value is not YamlSequenceNode sequence)
        {
            context.Error(value.Start, $"{What}: '{key}' must be a list, e.g. [a, b]");
            return [];
        }
        var items = new List<(string, Mark)>();
        foreach (var item in sequence.Children)
        {
            if (item is YamlScalarNode { Value: { Length: > 0 } text } && !IsNull(item)) items.Add((text.Trim(), item.Start));
            else context.Error(item.Start, $"{What}: every item of '{key}' must be a single value");
        }
        return items;
    }

    public YamlMap? Map(string key, string what)
    {
        var value = Node(key);
        return value is null ? null : From(value, $"{What} {what}", context);
    }

    // An empty value (`owner:`, `owner: ""`, `owner: ~`) counts as absent, so required fields can't be blanked out.
    private static bool IsNull(YamlNode node) =>
        node is YamlScalarNode scalar && (string.IsNullOrWhiteSpace(scalar.Value)
            || scalar is { Style: ScalarStyle.Plain or ScalarStyle.Any, Value: "~" or "null" or "Null" or "NULL" });
}
