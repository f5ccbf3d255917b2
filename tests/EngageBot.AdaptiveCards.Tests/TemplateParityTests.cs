using System.Text.Json.Nodes;
using EngageBot.TestSupport;

namespace EngageBot.AdaptiveCards.Tests;

/// <summary>
/// The C# engine against Microsoft's reference engine: every card template in cards/ with its sample data, and the
/// focused edge cases in EdgeCases/*.json (each file an array of {name, template, data}). One node call for all.
/// </summary>
public class TemplateParityTests
{
    [Fact]
    public async Task Every_card_template_and_edge_case_expands_exactly_as_the_reference_engine_does()
    {
        var cases = CardCases().Concat(EdgeCases()).ToList();
        Assert.True(cases.Count > 20, "expected the card templates and edge cases to be found");
        var reference = await ReferenceEngine.ExpandAsync(cases);

        var mismatches = new List<string>();
        foreach (var c in cases)
        {
            var expected = reference[c.Name];
            string actualText;
            try
            {
                actualText = new AdaptiveCardTemplate(c.Template.DeepClone()).Expand(c.Data?.DeepClone())?.ToJsonString() ?? "null";
            }
            catch (TemplateException e)
            {
                if (expected.Error is not null) continue; // both engines refuse it
                mismatches.Add($"{c.Name}: C# threw {e.Message}; reference gave {expected.Card?.ToJsonString()}");
                continue;
            }
            if (expected.Error is not null)
                mismatches.Add($"{c.Name}: reference threw {expected.Error}; C# gave {actualText}");
            else if (!JsonNode.DeepEquals(JsonNode.Parse(actualText), expected.Card))
                mismatches.Add($"{c.Name}:\n  C#:        {actualText}\n  reference: {expected.Card?.ToJsonString() ?? "null"}");
        }
        Assert.True(mismatches.Count == 0, string.Join("\n", mismatches));
    }

    private static IEnumerable<ReferenceEngine.Case> CardCases() =>
        Directory.GetFiles(RepoPaths.Cards, "*.json")
            .Where(f => !f.EndsWith(".data.json", StringComparison.Ordinal))
            .Select(f => new ReferenceEngine.Case("card:" + Path.GetFileNameWithoutExtension(f),
                JsonNode.Parse(File.ReadAllText(f))!,
                JsonNode.Parse(File.ReadAllText(Path.ChangeExtension(f, ".data.json")))));

    private static IEnumerable<ReferenceEngine.Case> EdgeCases() =>
        Directory.GetFiles(Path.Combine(AppContext.BaseDirectory, "EdgeCases"), "*.json")
            .SelectMany(f => JsonNode.Parse(File.ReadAllText(f))!.AsArray()
                .Select(c => new ReferenceEngine.Case(Path.GetFileNameWithoutExtension(f) + ":" + (string)c!["name"]!, c["template"]!, c["data"])));
}
