using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Json;
using Azure;

namespace EngageBot.Tables;

/// <summary>
/// Entity JSON in Table Storage's OData format. Types JSON cannot carry natively get an
/// "Prop@odata.type" annotation: Int64, DateTime, Guid, Binary, and doubles that look integral or are
/// not finite (otherwise the service would read 2.0 back as Int32).
/// </summary>
internal static class TableEntitySerializer
{
    // The body is JSON for the service, never HTML: keep non-ASCII text as UTF-8 instead of 6-byte \uXXXX escapes (the 4 MiB batch cap).
    private static readonly JsonWriterOptions WriterOptions = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };
    private const string DateFormat = "yyyy-MM-dd'T'HH:mm:ss.fffffff'Z'";

    public static byte[] Serialize(TableEntity entity)
    {
        using var buffer = new MemoryStream();
        using (var w = new Utf8JsonWriter(buffer, WriterOptions))
        {
            w.WriteStartObject();
            w.WriteString("PartitionKey", entity.PartitionKey);
            w.WriteString("RowKey", entity.RowKey);
            foreach (var (name, value) in entity.Properties)
                WriteProperty(w, name, value);
            w.WriteEndObject();
        }
        return buffer.ToArray();
    }

    private static void WriteProperty(Utf8JsonWriter w, string name, object? value)
    {
        switch (value)
        {
            case null: return; // the service never stores nulls
            case string s: w.WriteString(name, s); break;
            case int i: w.WriteNumber(name, i); break;
            case long l: Annotated(w, name, "Edm.Int64", l.ToString(CultureInfo.InvariantCulture)); break;
            case double d when double.IsFinite(d) && d != Math.Floor(d):
                w.WritePropertyName(name);
                w.WriteRawValue(d.ToString("R", CultureInfo.InvariantCulture));
                break;
            case double d when double.IsFinite(d):
                w.WriteString(name + "@odata.type", "Edm.Double");
                w.WritePropertyName(name);
                w.WriteRawValue(d.ToString("R", CultureInfo.InvariantCulture));
                break;
            case double d: Annotated(w, name, "Edm.Double", double.IsNaN(d) ? "NaN" : d > 0 ? "Infinity" : "-Infinity"); break;
            case bool b: w.WriteBoolean(name, b); break;
            case DateTimeOffset t: Annotated(w, name, "Edm.DateTime", t.UtcDateTime.ToString(DateFormat, CultureInfo.InvariantCulture)); break;
            case DateTime t: Annotated(w, name, "Edm.DateTime", (t.Kind == DateTimeKind.Local ? t.ToUniversalTime() : t).ToString(DateFormat, CultureInfo.InvariantCulture)); break;
            case Guid g: Annotated(w, name, "Edm.Guid", g.ToString("D")); break;
            case byte[] bytes: Annotated(w, name, "Edm.Binary", Convert.ToBase64String(bytes)); break;
            case BinaryData data: Annotated(w, name, "Edm.Binary", Convert.ToBase64String(data.ToArray())); break;
            default: throw new ArgumentException($"Property '{name}' has a type Table Storage cannot hold: {value.GetType().Name}.");
        }
    }

    private static void Annotated(Utf8JsonWriter w, string name, string edmType, string value)
    {
        w.WriteString(name + "@odata.type", edmType);
        w.WriteString(name, value);
    }

    public static TableEntity Deserialize(JsonElement json, ETag? etag = null)
    {
        var entity = new TableEntity();
        foreach (var p in json.EnumerateObject())
        {
            var name = p.Name;
            if (name.Contains('@') || name.StartsWith("odata.", StringComparison.Ordinal))
            {
                if (name == "odata.etag") entity.ETag = new ETag(p.Value.GetString()!);
                continue;
            }
            var type = json.TryGetProperty(name + "@odata.type", out var t) ? t.GetString() : null;
            switch (name)
            {
                case "PartitionKey": entity.PartitionKey = p.Value.GetString()!; break;
                case "RowKey": entity.RowKey = p.Value.GetString()!; break;
                case "Timestamp": entity.Timestamp = ParseDate(p.Value.GetString()!); break;
                default: entity[name] = ReadValue(p.Value, type); break;
            }
        }
        if (etag is { } e) entity.ETag = e;
        return entity;
    }

    private static object? ReadValue(JsonElement value, string? edmType) => edmType switch
    {
        "Edm.Int64" => long.Parse(value.ValueKind == JsonValueKind.String ? value.GetString()! : value.GetRawText(), CultureInfo.InvariantCulture),
        "Edm.DateTime" => ParseDate(value.GetString()!),
        "Edm.Guid" => Guid.Parse(value.GetString()!),
        "Edm.Binary" => Convert.FromBase64String(value.GetString()!),
        "Edm.Double" => value.ValueKind == JsonValueKind.String ? ParseDouble(value.GetString()!) : value.GetDouble(),
        "Edm.Int32" => value.GetInt32(),
        "Edm.Boolean" => value.GetBoolean(),
        _ => value.ValueKind switch
        {
            JsonValueKind.String => value.GetString(),
            JsonValueKind.True => true,
            JsonValueKind.False => false,
            JsonValueKind.Null => null,
            JsonValueKind.Number when value.TryGetInt32(out var i) && !value.GetRawText().Contains('.') => i,
            JsonValueKind.Number => value.GetDouble(),
            _ => value.GetRawText(),
        },
    };

    private static double ParseDouble(string s) => s switch
    {
        "NaN" => double.NaN,
        "Infinity" => double.PositiveInfinity,
        "-Infinity" => double.NegativeInfinity,
        _ => double.Parse(s, CultureInfo.InvariantCulture),
    };

    private static DateTimeOffset ParseDate(string s) =>
        DateTimeOffset.Parse(s, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal);
}
