using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace EngageBot.Storage.Sqlite;

/// <summary>
/// Record properties as one JSON column. Strings are stored bare; every other type as
/// [type, value] so it reads back as exactly the type written (as Table Storage's Edm types do).
/// </summary>
internal static class PropertyCodec
{
    public static string Encode(IReadOnlyDictionary<string, object?> properties)
    {
        var json = new JsonObject();
        foreach (var (name, value) in properties)
        {
            JsonNode? node = value switch
            {
                null => null,
                string s => JsonValue.Create(s),
                int i => Tagged("i32", i.ToString(CultureInfo.InvariantCulture)),
                long l => Tagged("i64", l.ToString(CultureInfo.InvariantCulture)),
                double d => Tagged("dbl", d.ToString("R", CultureInfo.InvariantCulture)),
                bool b => Tagged("bool", b ? "1" : "0"),
                DateTimeOffset t => Tagged("dt", t.UtcDateTime.ToString("O", CultureInfo.InvariantCulture)),
                DateTime t => Tagged("dt", DateTime.SpecifyKind(t, DateTimeKind.Utc).ToString("O", CultureInfo.InvariantCulture)),
                Guid g => Tagged("guid", g.ToString("D")),
                byte[] bytes => Tagged("bin", Convert.ToBase64String(bytes)),
                _ => throw new ArgumentException($"Property '{name}' has unsupported type {value.GetType().Name}."),
            };
            if (node is not null) json[name] = node;
        }
        return json.ToJsonString();
    }

    public static Dictionary<string, object?> Decode(string text)
    {
        var result = new Dictionary<string, object?>(StringComparer.Ordinal);
        using var doc = JsonDocument.Parse(text);
        foreach (var p in doc.RootElement.EnumerateObject())
        {
            if (p.Value.ValueKind == JsonValueKind.String)
            {
                result[p.Name] = p.Value.GetString();
                continue;
            }
            var type = p.Value[0].GetString();
            var raw = p.Value[1].GetString()!;
            result[p.Name] = type switch
            {
                "i32" => int.Parse(raw, CultureInfo.InvariantCulture),
                "i64" => long.Parse(raw, CultureInfo.InvariantCulture),
                "dbl" => double.Parse(raw, CultureInfo.InvariantCulture),
                "bool" => raw == "1",
                "dt" => DateTimeOffset.Parse(raw, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal),
                "guid" => Guid.Parse(raw),
                "bin" => Convert.FromBase64String(raw),
                _ => throw new InvalidDataException($"Unknown stored property type '{type}'."),
            };
        }
        return result;
    }

    private static JsonArray Tagged(string type, string value) => new(JsonValue.Create(type), JsonValue.Create(value));
}
