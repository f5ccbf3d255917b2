using System.Text.Json;
using EngageBot.Features.ChurnRisk.Detection;
using EngageBot.TestSupport;

namespace EngageBot.Tests.ChurnRisk;

/// <summary>A labelled set: the dev set from the issue, or the holdout set written before the rules were tuned.</summary>
public sealed record LabelledMessage(string Id, string Text, string Kind, string? Severity, string? Customer);

public static class LabelledMessages
{
    public static string DataDirectory => Path.Combine(RepoPaths.Root, "tests", "EngageBot.Tests", "ChurnRisk", "data");

    public static IReadOnlyList<LabelledMessage> Load(string set) =>
        File.ReadLines(Path.Combine(DataDirectory, $"churn-{set}.jsonl"))
            .Where(l => l.Trim().Length > 0)
            .Select(l => JsonSerializer.Deserialize<LabelledMessage>(l, new JsonSerializerOptions(JsonSerializerDefaults.Web))!)
            .ToList();

    public static IReadOnlyList<CustomerName> Customers(string set) =>
        CustomerName.From(File.ReadAllLines(Path.Combine(DataDirectory, $"churn-{set}-customers.txt")));
}
