using System.Text.Json.Nodes;
using EngageBot.Cards;
using EngageBot.TestSupport;

namespace EngageBot.Tests.Cards;

/// <summary>The repository's card templates and their sample data.</summary>
internal static class CardFixtures
{
    public static CardLibrary Library { get; } = new(RepoPaths.Cards);

    public static JsonNode SampleData(string name) =>
        JsonNode.Parse(File.ReadAllText(Path.Combine(RepoPaths.Cards, name + ".data.json")))!;

    public static JsonObject Expanded(string name) => Library.Expand(name, SampleData(name));

    public static IEnumerable<string> Names => Library.Names;

    public static TheoryData<string> NameData()
    {
        var data = new TheoryData<string>();
        foreach (var n in CardNames.All) data.Add(n);
        return data;
    }
}
