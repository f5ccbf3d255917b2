using System.Text.Json;
using System.Text.Json.Nodes;

namespace EngageBot.Features.ChurnRisk.Detection.OpenAi;

/// <summary>
/// Checks a model reply against the schema and the request: enum values, severity null exactly for "none", a customer
/// that is one of the names sent (returned in the directory's spelling) and only on customer risks, score in 0..1.
/// Reasons are the model's words, cleaned and labelled by <see cref="ModelReasonText"/>.
/// </summary>
internal static class ChurnReplyParser
{
    private const int MaxReasons = 5;

    public static bool TryParse(string? content, IReadOnlyList<CustomerName> customers, out ChurnSignal signal, out string problem)
    {
        signal = ChurnSignal.None(0, []);
        problem = Check(content, customers, ref signal) ?? "";
        return problem.Length == 0;
    }

    private static string? Check(string? content, IReadOnlyList<CustomerName> customers, ref ChurnSignal signal)
    {
        if (string.IsNullOrWhiteSpace(content)) return "empty reply";
        JsonObject reply;
        try
        {
            if (JsonNode.Parse(content) is not JsonObject obj) return "reply is not a JSON object";
            reply = obj;
        }
        catch (JsonException)
        {
            return "reply is not valid JSON";
        }
        var unexpected = reply.Select(p => p.Key).Except(["kind", "severity", "customer", "score", "reasons"]).FirstOrDefault();
        if (unexpected is not null) return $"unexpected property '{unexpected}'";
        ChurnKind? parsedKind = String(reply, "kind") switch
        {
            "none" => ChurnKind.None,
            "customer" => ChurnKind.Customer,
            "partner" => ChurnKind.Partner,
            _ => null,
        };
        if (parsedKind is not { } kind) return "kind must be none, customer or partner";
        if (!reply.ContainsKey("severity")) return "severity is missing";
        ChurnSeverity? severity = null;
        if (reply["severity"] is not null)
        {
            severity = String(reply, "severity") switch
            {
                "low" => ChurnSeverity.Low,
                "medium" => ChurnSeverity.Medium,
                "high" => ChurnSeverity.High,
                _ => null,
            };
            if (severity is null) return "severity must be low, medium, high or null";
        }
        if ((kind == ChurnKind.None) != (severity is null)) return "severity must be null exactly when kind is none";
        if (!reply.ContainsKey("customer")) return "customer is missing";
        string? customer = null;
        if (reply["customer"] is not null)
        {
            if (String(reply, "customer") is not { } named) return "customer must be a string or null";
            customer = customers.FirstOrDefault(c => string.Equals(c.Value, named.Trim(), StringComparison.OrdinalIgnoreCase))?.Value;
            if (customer is null) return "customer is not one of the names provided";
            if (kind != ChurnKind.Customer) return "customer is only allowed on customer risks";
        }
        if (reply["score"] is not JsonValue scoreValue || scoreValue.GetValueKind() != JsonValueKind.Number) return "score must be a number";
        var score = scoreValue.GetValue<double>();
        if (double.IsNaN(score) || score is < 0 or > 1) return "score must be between 0 and 1";
        if (reply["reasons"] is not JsonArray reasonArray) return "reasons must be an array";
        var reasons = new List<string>();
        foreach (var item in reasonArray)
        {
            if (item is not JsonValue v || v.GetValueKind() != JsonValueKind.String) return "reasons must be strings";
            if (reasons.Count < MaxReasons && ModelReasonText.Label(v.GetValue<string>()) is { } reason) reasons.Add(reason);
        }
        signal = new ChurnSignal(kind, severity, customer, score, reasons);
        return null;
    }

    private static string? String(JsonObject obj, string name) =>
        obj[name] is JsonValue v && v.GetValueKind() == JsonValueKind.String ? v.GetValue<string>() : null;
}
