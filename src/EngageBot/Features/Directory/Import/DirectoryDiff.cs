using System.Text.Json;
using System.Text.Json.Nodes;
using EngageBot.Features.Directory.Model;

namespace EngageBot.Features.Directory.Import;

/// <summary>Compares two directories entity by entity through their JSON form, so every field counts without a hand-written comparer.</summary>
public static class DirectoryDiff
{
    public static IReadOnlyList<DirectoryChange> Compare(DirectoryContent before, DirectoryContent after) =>
    [
        .. Compare("partner", before.Partners, after.Partners, p => p.Id),
        .. Compare("person", before.People, after.People, p => p.Id),
        .. Compare("customer", before.Customers, after.Customers, c => c.Id),
        .. Compare("policy", before.Policies, after.Policies, p => p.Tier),
        .. Compare("calendar", before.Calendars, after.Calendars, c => c.Id),
    ];

    private static IEnumerable<DirectoryChange> Compare<T>(string kind, IReadOnlyList<T> before, IReadOnlyList<T> after, Func<T, string> id)
    {
        var old = before.ToDictionary(id, StringComparer.Ordinal);
        var current = after.ToDictionary(id, StringComparer.Ordinal);
        foreach (var (key, entity) in current.OrderBy(e => e.Key, StringComparer.Ordinal))
        {
            if (!old.TryGetValue(key, out var previous)) { yield return new(kind, key, ChangeKind.Added, []); continue; }
            var fields = ChangedFields(previous, entity);
            if (fields.Count > 0) yield return new(kind, key, ChangeKind.Updated, fields);
        }
        foreach (var key in old.Keys.Except(current.Keys).Order(StringComparer.Ordinal))
            yield return new(kind, key, ChangeKind.Removed, []);
    }

    private static List<string> ChangedFields<T>(T before, T after)
    {
        var a = (JsonObject)JsonSerializer.SerializeToNode(before, DirectoryJson.Options)!;
        var b = (JsonObject)JsonSerializer.SerializeToNode(after, DirectoryJson.Options)!;
        var fields = new List<string>();
        foreach (var (name, value) in b)
        {
            if (value is JsonObject nested && a[name] is JsonObject previous)
                fields.AddRange(nested.Where(p => !JsonNode.DeepEquals(p.Value, previous[p.Key])).Select(p => $"{name}.{p.Key}"));
            else if (!JsonNode.DeepEquals(value, a[name]))
                fields.Add(name);
        }
        return fields;
    }
}
