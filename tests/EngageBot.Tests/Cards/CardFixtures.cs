using System.Text.Encodings.Web;
using System.Text.Json;
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

    /// <summary>JSON as a person reads it (no \u escapes), for asserting on rendered text.</summary>
    public static JsonSerializerOptions Readable { get; } = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>
    /// The distinctive values of every cards/*.data.json (names, ids, amounts, quotes, dates, links): what must never
    /// show in a card filled from a real record. Words the templates themselves compare against ('Open', 'high') and
    /// short generic words are left out.
    /// </summary>
    public static IReadOnlyList<string> SampleValues { get; } = CollectSampleValues();

    public static void AssertNoSampleValue(JsonNode rendered, string what)
    {
        var text = string.Join("\n", Strings(rendered));
        var leaked = SampleValues.Where(v => text.Contains(v, StringComparison.Ordinal)).ToList();
        Assert.True(leaked.Count == 0, $"{what} shows sample data from cards/*.data.json: {string.Join(" | ", leaked)}");
    }

    private static List<string> CollectSampleValues()
    {
        var templates = string.Join("\n", Library.Names.Select(n => File.ReadAllText(Path.Combine(RepoPaths.Cards, n + ".json"))));
        return Library.Names.SelectMany(n => Strings(SampleData(n)))
            .Where(v => v.Length >= 5 && !templates.Contains($"'{v}'", StringComparison.Ordinal))
            .Where(v => !(v.Length < 8 && v.All(char.IsAsciiLetter)) && !v.All(char.IsAsciiLetterLower))
            .Distinct().ToList();
    }

    private static IEnumerable<string> Strings(JsonNode? node) => node switch
    {
        JsonObject o => o.SelectMany(p => Strings(p.Value)),
        JsonArray a => a.SelectMany(Strings),
        JsonValue v when v.TryGetValue<string>(out var s) => [s],
        _ => [],
    };

    public static TheoryData<string> NameData()
    {
        var data = new TheoryData<string>();
        foreach (var n in CardNames.All) data.Add(n);
        return data;
    }
}
