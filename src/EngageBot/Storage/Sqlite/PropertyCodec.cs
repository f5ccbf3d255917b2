using System.Buffers;
using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace EngageBot.Storage.Sqlite;

/// <summary>
/// Record properties as one JSON column. Strings are stored bare; every other type as
/// [type, value] so it reads back as exactly the type written (as Table Storage's Edm types do).
/// </summary>
internal static class PropertyCodec
{
    // Not HTML: no need to escape <, >, & or non-ASCII, which would only make the column larger and slower to write.
    private static readonly JsonWriterOptions WriterOptions = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    [ThreadStatic]
    private static ArrayBufferWriter<byte>? t_buffer;

    public static string Encode(IReadOnlyDictionary<string, object?> properties) => Encoding.UTF8.GetString(EncodeUtf8(properties));

    /// <summary>The same JSON as UTF-8, which is what SQLite stores: the writer binds it without converting.</summary>
    public static byte[] EncodeUtf8(IReadOnlyDictionary<string, object?> properties)
    {
        // Written straight to UTF-8 (not through a JsonObject): this runs on every write, inside the ack path.
        var buffer = t_buffer ??= new ArrayBufferWriter<byte>(1024);
        buffer.ResetWrittenCount();
        using (var json = new Utf8JsonWriter(buffer, WriterOptions))
        {
            json.WriteStartObject();
            foreach (var (name, value) in properties)
            {
                switch (value)
                {
                    case null: break;
                    case string s: json.WriteString(name, s); break;
                    case int i: Tagged(json, name, "i32", i.ToString(CultureInfo.InvariantCulture)); break;
                    case long l: Tagged(json, name, "i64", l.ToString(CultureInfo.InvariantCulture)); break;
                    case double d: Tagged(json, name, "dbl", d.ToString("R", CultureInfo.InvariantCulture)); break;
                    case bool b: Tagged(json, name, "bool", b ? "1" : "0"); break;
                    case DateTimeOffset t: Tagged(json, name, "dt", t.UtcDateTime.ToString("O", CultureInfo.InvariantCulture)); break;
                    case DateTime t: Tagged(json, name, "dt", DateTime.SpecifyKind(t, DateTimeKind.Utc).ToString("O", CultureInfo.InvariantCulture)); break;
                    case Guid g: Tagged(json, name, "guid", g.ToString("D")); break;
                    case byte[] bytes: Tagged(json, name, "bin", Convert.ToBase64String(bytes)); break;
                    default: throw new ArgumentException($"Property '{name}' has unsupported type {value.GetType().Name}.");
                }
            }
            json.WriteEndObject();
        }
        var utf8 = buffer.WrittenSpan.ToArray();
        if (buffer.Capacity > 256 * 1024) t_buffer = null; // don't keep a huge buffer per thread after one big record
        return utf8;
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

    private static void Tagged(Utf8JsonWriter json, string name, string type, string value)
    {
        json.WriteStartArray(name);
        json.WriteStringValue(type);
        json.WriteStringValue(value);
        json.WriteEndArray();
    }
}
