using System.Text.Json;
using EngageBot.Features.ChurnRisk.Detection;

namespace EngageBot.Features.ChurnRisk.Evaluation;

/// <summary>
/// One labelled line of a churn data set: {"id","text","kind":"none|customer|partner","severity":"low|medium|high|null",
/// "customer": a name from the set's customers file or null}. The training corpus and every evaluation set use it.
/// </summary>
public sealed record LabelledChurnMessage(string Id, string Text, string Kind, string? Severity, string? Customer)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public bool IsRisk => Kind != "none";

    /// <summary>Reads a JSONL file; a bad line is an error naming the file and line, never skipped silently.</summary>
    public static IReadOnlyList<LabelledChurnMessage> Read(string path)
    {
        var messages = new List<LabelledChurnMessage>();
        var number = 0;
        foreach (var line in File.ReadLines(path))
        {
            number++;
            if (line.Trim().Length == 0) continue;
            LabelledChurnMessage? message;
            try
            {
                message = JsonSerializer.Deserialize<LabelledChurnMessage>(line, Json);
            }
            catch (JsonException e)
            {
                throw new InvalidDataException($"{path}:{number}: not valid JSON ({e.Message.Split(". ")[0]})");
            }
            var problem = message is null ? "empty" : Problem(message);
            if (problem is not null) throw new InvalidDataException($"{path}:{number}: {problem}");
            messages.Add(message!);
        }
        return messages;
    }

    /// <summary>FILE.jsonl's customers: FILE-customers.txt beside it.</summary>
    public static string CustomersBeside(string jsonl) =>
        Path.Combine(Path.GetDirectoryName(jsonl) ?? "", Path.GetFileNameWithoutExtension(jsonl) + "-customers.txt");

    /// <summary>The set's customers file (one name per line, # comments), or none when it does not exist.</summary>
    public static IReadOnlyList<CustomerName> ReadCustomers(string? path) =>
        path is not null && File.Exists(path) ? CustomerName.From(File.ReadAllLines(path)) : [];

    private static string? Problem(LabelledChurnMessage m) =>
        string.IsNullOrWhiteSpace(m.Id) ? "\"id\" is required"
        : string.IsNullOrWhiteSpace(m.Text) ? "\"text\" is required"
        : m.Kind is not ("none" or "customer" or "partner") ? "\"kind\" must be none, customer or partner"
        : m.Severity is not (null or "low" or "medium" or "high") ? "\"severity\" must be low, medium, high or null"
        : m.Kind == "none" && (m.Severity is not null || m.Customer is not null) ? "a \"none\" message has no severity or customer"
        : m.Kind == "partner" && m.Customer is not null ? "a partner risk names no customer"
        : null;
}
