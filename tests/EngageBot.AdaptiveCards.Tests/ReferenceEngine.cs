using System.Text.Json.Nodes;
using EngageBot.TestSupport;

namespace EngageBot.AdaptiveCards.Tests;

/// <summary>Microsoft's adaptivecards-templating run through tests/node/expand-template.mjs, many templates per node call.</summary>
internal static class ReferenceEngine
{
    public sealed record Case(string Name, JsonNode Template, JsonNode? Data);

    public sealed record Result(string Name, JsonNode? Card, string? Error);

    public static async Task<IReadOnlyDictionary<string, Result>> ExpandAsync(IEnumerable<Case> cases)
    {
        var input = new JsonArray(cases.Select(c => (JsonNode)new JsonObject
        {
            ["name"] = c.Name,
            ["template"] = c.Template.DeepClone(),
            ["data"] = c.Data?.DeepClone(),
        }).ToArray());
        var (exitCode, output) = await NodeTools.RunNodeAsync("expand-template.mjs", [], input.ToJsonString());
        Assert.True(exitCode == 0, "expand-template.mjs failed:\n" + output);
        return JsonNode.Parse(output)!.AsArray()
            .Select(r => new Result((string)r!["name"]!, r["card"], (string?)r["error"]))
            .ToDictionary(r => r.Name);
    }
}
