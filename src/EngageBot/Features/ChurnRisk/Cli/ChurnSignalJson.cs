using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using EngageBot.Features.ChurnRisk.Detection;

namespace EngageBot.Features.ChurnRisk.Cli;

/// <summary>The classify output line: {"id","kind","severity","customer","score","reasons"} in that order.</summary>
internal static class ChurnSignalJson
{
    private static readonly JsonWriterOptions Options = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static string Write(JsonNode id, ChurnSignal signal)
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer, Options))
        {
            writer.WriteStartObject();
            writer.WritePropertyName("id");
            id.WriteTo(writer);
            writer.WriteString("kind", signal.Kind.ToString().ToLowerInvariant());
            if (signal.Severity is { } severity) writer.WriteString("severity", severity.ToString().ToLowerInvariant());
            else writer.WriteNull("severity");
            if (signal.Customer is { } customer) writer.WriteString("customer", customer);
            else writer.WriteNull("customer");
            writer.WriteNumber("score", Math.Round(signal.Score, 2));
            writer.WriteStartArray("reasons");
            foreach (var reason in signal.Reasons) writer.WriteStringValue(reason);
            writer.WriteEndArray();
            writer.WriteEndObject();
        }
        return System.Text.Encoding.UTF8.GetString(buffer.ToArray());
    }
}
