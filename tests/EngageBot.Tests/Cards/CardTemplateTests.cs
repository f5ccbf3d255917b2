using System.Text.Json.Nodes;
using EngageBot.Cards;
using EngageBot.TestSupport;

namespace EngageBot.Tests.Cards;

/// <summary>
/// The templates in cards/: each expands with its sample data into a card Microsoft's adaptivecards library accepts
/// for version 1.5 with no warning, fits Teams' size budget, and uses only known verbs and input ids.
/// </summary>
public class CardTemplateTests
{
    [Fact]
    public void Every_card_name_has_a_template_with_sample_data_and_every_template_a_name()
    {
        Assert.Equal(CardNames.All.Order(), CardFixtures.Names.Order());
        foreach (var name in CardNames.All)
        {
            var template = JsonNode.Parse(File.ReadAllText(Path.Combine(RepoPaths.Cards, name + ".json")))!;
            Assert.Equal("1.5", (string?)template["version"]);
            Assert.Equal("http://adaptivecards.io/schemas/adaptive-card.json", (string?)template["$schema"]);
            Assert.True(File.Exists(Path.Combine(RepoPaths.Cards, name + ".data.json")), name + " has no sample data");
        }
    }

    [Fact]
    public async Task Every_card_expanded_with_its_sample_data_passes_the_adaptivecards_validator_and_fits_Teams()
    {
        var cards = CardNames.All.ToDictionary(n => n, CardFixtures.Expanded);
        var input = new JsonArray(cards.Select(c => (JsonNode)new JsonObject { ["name"] = c.Key, ["card"] = c.Value.DeepClone() }).ToArray());
        var (exitCode, output) = await NodeTools.RunNodeAsync("validate-card.mjs", [], input.ToJsonString());
        Assert.True(exitCode == 0, output);

        // Teams' chart elements are unknown to the reference engine, which then uses their fallback (DigestCardTests checks
        // what that shows); every chart must have one, and nothing else may raise an event.
        foreach (var (name, card) in cards)
            Assert.All(ChartElements(card), chart => Assert.True(chart["fallback"] is JsonObject, $"{name}: {chart["type"]} has no fallback"));
        var problems = JsonNode.Parse(output)!.AsArray()
            .SelectMany(r => r!["events"]!.AsArray()
                .Where(e => !((string?)e!["event"] == "UnknownElementType" && ((string?)e["message"])?.Contains("\"Chart.", StringComparison.Ordinal) == true))
                .Select(e => $"{r["name"]}: {e!["phase"]} {e["event"]}: {e["message"]}"))
            .ToList();
        Assert.True(problems.Count == 0, string.Join("\n", problems));

        foreach (var (name, card) in cards)
        {
            Assert.True(TeamsCardAttachment.IsWithinSafeBudget(card), $"{name} is {TeamsCardAttachment.SizeInBytes(card)} bytes");
            Assert.DoesNotContain("${", card.ToJsonString()); // sample data covers every binding
            // A lone ${number} keeps its type, and renderers drop non-string texts: every display text must be a string.
            foreach (var (path, value) in DisplayTexts(card, "$"))
                Assert.True(value is JsonValue v && v.TryGetValue<string>(out _), $"{name}: {path} is {value?.ToJsonString() ?? "null"}, not a string");
        }
    }

    [Fact]
    public void Every_verb_and_input_id_in_the_templates_is_a_known_constant()
    {
        foreach (var name in CardNames.All)
        {
            var template = JsonNode.Parse(File.ReadAllText(Path.Combine(RepoPaths.Cards, name + ".json")))!;
            foreach (var verb in Find(template, "verb"))
                Assert.True(CardVerbs.All.Contains(verb), $"{name}: verb '{verb}' is not in CardVerbs");
            foreach (var id in Find(template, "id", parentTypePrefix: "Input."))
                Assert.True(CardInputs.All.Contains(id), $"{name}: input id '{id}' is not in CardInputs");
        }
    }

    [Fact]
    public void Each_verb_that_takes_inputs_belongs_to_one_card_so_a_Slack_form_can_find_it()
    {
        var owners = CardNames.All
            .SelectMany(n => CardElementsOf(CardFixtures.Expanded(n)).Select(verb => (verb, n)))
            .GroupBy(x => x.verb)
            .Where(g => g.Select(x => x.n).Distinct().Count() > 1)
            .Select(g => g.Key)
            .ToList();
        Assert.Empty(owners);
    }

    [Fact]
    public void The_library_finds_templates_in_the_output_directory_and_caches_them()
    {
        var library = new CardLibrary();
        Assert.Contains(CardNames.Ticket, library.Names);
        Assert.Same(library.Template(CardNames.Ticket), library.Template(CardNames.Ticket));
        Assert.Throws<CardTemplateNotFoundException>(() => library.Expand("no-such-card", new { }));
        Assert.Throws<ArgumentException>(() => library.Expand("../secrets", new { }));
    }

    [Fact]
    public void Form_verbs_lead_back_to_the_card_that_holds_the_inputs()
    {
        Assert.Equal(CardNames.CheckIn, CardFixtures.Library.CardForFormVerb(CardVerbs.CheckInSubmit));
        Assert.Equal(CardNames.ChurnRisk, CardFixtures.Library.CardForFormVerb(CardVerbs.ChurnResolve));
        Assert.Equal(CardNames.ChannelLink, CardFixtures.Library.CardForFormVerb(CardVerbs.ChannelLink));
        Assert.Null(CardFixtures.Library.CardForFormVerb(CardVerbs.ChurnAcknowledge));
    }

    [Fact]
    public void Expand_by_name_serialises_objects_with_camel_case_and_card_dates()
    {
        var card = CardFixtures.Library.Expand(CardNames.Ticket, new
        {
            Ticket = new
            {
                Id = "T-1",
                Title = "Printer on fire",
                Partner = new { Name = "Contoso" },
                Status = "Open",
                Priority = "High",
                OpenedAt = new DateTimeOffset(2026, 11, 20, 15, 5, 0, TimeSpan.FromHours(1)),
                Sla = new { State = "ok", Label = "3h left", DueAt = new DateTimeOffset(2026, 11, 21, 17, 0, 0, TimeSpan.Zero), BusinessHours = "Mon–Fri" },
                Assignee = (object?)null,
                Excerpt = "It is on fire.",
                ThreadUrl = "https://example.slack.com/archives/C1/p1",
            },
        });
        var json = card.ToJsonString();
        Assert.Contains("{{DATE(2026-11-20T14:05:00Z,SHORT)}}", json);
        Assert.Contains("Unassigned", json);
        Assert.Contains("\"verb\":\"ticket.assignToMe\"", json);
    }

    private static readonly HashSet<string> TextProperties = ["text", "title", "value", "label", "placeholder"];

    private static IEnumerable<(string Path, JsonNode? Value)> DisplayTexts(JsonNode node, string path) => node switch
    {
        JsonObject o => o.SelectMany(p =>
            TextProperties.Contains(p.Key) && p.Value is not (JsonObject or JsonArray) && !IsDataObject(path)
                ? [(path + "." + p.Key, p.Value)]
                : p.Value is null ? [] : DisplayTexts(p.Value, path + "." + p.Key)),
        JsonArray a => a.SelectMany((n, i) => n is null ? [] : DisplayTexts(n, $"{path}[{i}]")),
        _ => [],
    };

    internal static IEnumerable<JsonObject> ChartElements(JsonNode node) => node switch
    {
        JsonObject o when ((string?)o["type"])?.StartsWith("Chart.", StringComparison.Ordinal) == true => [o],
        JsonObject o => o.SelectMany(p => p.Value is null ? [] : ChartElements(p.Value)),
        JsonArray a => a.SelectMany(n => n is null ? [] : ChartElements(n)),
        _ => [],
    };

    // Action data, and chart data points ({legend, value}: numbers by design).
    private static bool IsDataObject(string path) =>
        path.EndsWith(".data", StringComparison.Ordinal) || System.Text.RegularExpressions.Regex.IsMatch(path, @"\.data\[\d+\]$");

    private static IEnumerable<string> CardElementsOf(JsonObject card) =>
        Find(card, "verb").Where(_ => true).Distinct()
            .Where(verb => Actions(card).Any(a => (string?)a["verb"] == verb && (string?)a["associatedInputs"] != "none"));

    private static IEnumerable<JsonObject> Actions(JsonNode node) => node switch
    {
        JsonObject o when ((string?)o["type"])?.StartsWith("Action.", StringComparison.Ordinal) == true =>
            new[] { o }.Concat(o.SelectMany(p => p.Value is null ? [] : Actions(p.Value))),
        JsonObject o => o.SelectMany(p => p.Value is null ? [] : Actions(p.Value)),
        JsonArray a => a.SelectMany(n => n is null ? [] : Actions(n)),
        _ => [],
    };

    private static IEnumerable<string> Find(JsonNode node, string property, string? parentTypePrefix = null) => node switch
    {
        JsonObject o => (o[property] is JsonValue v && v.TryGetValue<string>(out var s)
                && (parentTypePrefix is null || ((string?)o["type"])?.StartsWith(parentTypePrefix, StringComparison.Ordinal) == true)
                ? [s] : Array.Empty<string>())
            .Concat(o.SelectMany(p => p.Value is null ? [] : Find(p.Value, property, parentTypePrefix))),
        JsonArray a => a.SelectMany(n => n is null ? [] : Find(n, property, parentTypePrefix)),
        _ => [],
    };
}
