using System.Text.Json;
using System.Text.Json.Nodes;
using EngageBot.Cards;
using EngageBot.TestSupport;

namespace EngageBot.Tests.Cards;

/// <summary>
/// Slack rendering of every card against golden files (tests/EngageBot.Tests/Cards/golden/&lt;name&gt;.slack.json;
/// run with UPDATE_GOLDEN=1 to rewrite them after an intended change), plus limit and modal behaviour.
/// </summary>
public class BlockKitRendererTests
{
    private static readonly string GoldenFolder = Path.Combine(RepoPaths.Root, "tests", "EngageBot.Tests", "Cards", "golden");
    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };
    private readonly BlockKitRenderer _renderer = new();

    [Theory]
    [MemberData(nameof(CardFixtures.NameData), MemberType = typeof(CardFixtures))]
    public void Card_renders_for_Slack_as_in_its_golden_file(string name)
    {
        var message = _renderer.RenderMessage(CardFixtures.Expanded(name));
        BlockKitAssert.ValidMessage(message.Blocks);
        var actual = new JsonObject { ["text"] = message.Text, ["blocks"] = message.Blocks.DeepClone() };
        var card = CardFixtures.Expanded(name);
        if (CardElementsHaveInputs(card))
        {
            var modal = _renderer.RenderModal(card, FirstInputVerb(card), "{}");
            BlockKitAssert.ValidModal(modal);
            actual["modal"] = modal;
        }
        AssertGolden(name + ".slack.json", actual);
    }

    [Fact]
    public void Text_is_escaped_links_become_slack_links_and_dates_slack_date_tokens()
    {
        var message = _renderer.RenderMessage(CardFixtures.Expanded(CardNames.Triage));
        var json = message.Blocks.ToJsonString(Indented);
        Assert.Contains("&amp; need an answer &lt;today&gt;", (string)message.Blocks[2]!["text"]!["text"]!);
        Assert.Contains("<!date^1795278600^{date_short}|Sat, 21 Nov 2026>", json);
        Assert.DoesNotContain("{{DATE", json);
        Assert.Equal("header", (string?)message.Blocks[0]!["type"]);
    }

    [Fact]
    public void Buttons_carry_the_verb_as_action_id_and_the_action_data_as_value()
    {
        var blocks = _renderer.RenderMessage(CardFixtures.Expanded(CardNames.Ticket)).Blocks;
        var buttons = blocks.Where(b => (string?)b!["type"] == "actions").SelectMany(b => b!["elements"]!.AsArray()).ToList();
        var assign = buttons.Single(b => (string?)b!["action_id"] == CardVerbs.TicketAssignToMe)!;
        Assert.Equal("{\"ticketId\":\"T-1042\"}", (string?)assign["value"]);
        var thread = buttons.Single(b => (string?)b!["text"]!["text"] == "Open thread")!;
        Assert.StartsWith("https://", (string?)thread["url"]);
    }

    [Fact]
    public void A_card_with_inputs_gets_an_open_form_button_per_input_action_and_keeps_the_others()
    {
        var blocks = _renderer.RenderMessage(CardFixtures.Expanded(CardNames.ChurnRisk)).Blocks;
        Assert.DoesNotContain(blocks, b => (string?)b!["type"] == "input");
        var buttons = blocks.Where(b => (string?)b!["type"] == "actions").SelectMany(b => b!["elements"]!.AsArray()).ToList();
        var form = buttons.Single(b => (string?)b!["action_id"] == CardVerbs.OpenForm)!;
        var request = SlackFormButton.TryParse((string?)form["value"])!;
        Assert.Equal(CardVerbs.ChurnResolve, request.Verb);
        Assert.Equal("CR-311", (string?)request.Data["riskId"]);
        Assert.Contains(buttons, b => (string?)b!["action_id"] == CardVerbs.ChurnAcknowledge);
        Assert.Contains(buttons, b => (string?)b!["action_id"] == CardVerbs.ChurnReassign);
    }

    [Fact]
    public void Check_in_modal_maps_every_input_kind_with_input_ids_as_block_and_action_ids()
    {
        var modal = _renderer.RenderModal(CardFixtures.Expanded(CardNames.CheckIn), CardVerbs.CheckInSubmit, "{\"checkInId\":\"ci-1\"}");
        BlockKitAssert.ValidModal(modal);
        var inputs = modal["blocks"]!.AsArray().Where(b => (string?)b!["type"] == "input").ToDictionary(b => (string)b!["block_id"]!, b => b!["element"]!);
        Assert.Equal("radio_buttons", (string?)inputs[CardInputs.Rating]["type"]);
        Assert.Equal("number_input", (string?)inputs[CardInputs.Recommend]["type"]);
        Assert.Equal("10", (string?)inputs[CardInputs.Recommend]["max_value"]);
        Assert.Equal("checkboxes", (string?)inputs[CardInputs.Topics]["type"]);
        Assert.True((bool)inputs[CardInputs.Comment]["multiline"]!);
        Assert.Equal("checkboxes", (string?)inputs[CardInputs.NeedsHelp]["type"]);
        Assert.Equal("datepicker", (string?)inputs[CardInputs.NextCheckIn]["type"]);
        Assert.All(inputs, i => Assert.Equal(i.Key, (string?)i.Value["action_id"]));
        Assert.Equal(CardVerbs.CheckInSubmit, (string?)modal["callback_id"]);
        Assert.Equal("{\"checkInId\":\"ci-1\"}", (string?)modal["private_metadata"]);
        Assert.Equal("Submit", (string?)modal["submit"]!["text"]);
        Assert.False((bool)modal["blocks"]!.AsArray().Single(b => (string?)b!["block_id"] == CardInputs.Rating)!["optional"]!);
    }

    [Fact]
    public void Feedback_modal_uses_selects_for_rating_and_category_prefills_them_and_requires_the_text()
    {
        var modal = _renderer.RenderModal(CardFixtures.Expanded(CardNames.Feedback), CardVerbs.FeedbackSubmit, "{}");
        BlockKitAssert.ValidModal(modal);
        var blocks = modal["blocks"]!.AsArray().Where(b => (string?)b!["type"] == "input").ToDictionary(b => (string)b!["block_id"]!, b => b!);
        Assert.Equal("static_select", (string?)blocks[CardInputs.Category]["element"]!["type"]);
        Assert.Equal(5, blocks[CardInputs.Category]["element"]!["options"]!.AsArray().Count);
        Assert.Equal("enablement", (string?)blocks[CardInputs.Category]["element"]!["initial_option"]!["value"]);
        Assert.Equal("static_select", (string?)blocks[CardInputs.Rating]["element"]!["type"]);
        Assert.True((bool)blocks[CardInputs.Rating]["optional"]!);
        Assert.False((bool)blocks[CardInputs.Text]["optional"]!);
        Assert.StartsWith("The new certification path", (string?)blocks[CardInputs.Text]["element"]!["initial_value"]);
        Assert.Equal("Log feedback", (string?)modal["submit"]!["text"]);
    }

    [Fact]
    public void Slack_form_values_come_back_as_the_strings_Teams_would_send()
    {
        var state = JsonNode.Parse("""
            {"rating":{"rating":{"type":"radio_buttons","selected_option":{"value":"4"}}},
             "topics":{"topics":{"type":"checkboxes","selected_options":[{"value":"pricing"},{"value":"support"}]}},
             "comment":{"comment":{"type":"plain_text_input","value":"All good"}},
             "recommend":{"recommend":{"type":"number_input","value":"9"}},
             "nextCheckIn":{"nextCheckIn":{"type":"datepicker","selected_date":"2026-12-01"}},
             "needsHelp":{"needsHelp":{"type":"checkboxes","selected_options":[]}}}
            """)!.AsObject();
        var data = SlackFormValues.ToCardData(state, new JsonObject { ["checkInId"] = "ci-1" });
        Assert.Equal("""{"checkInId":"ci-1","rating":"4","topics":"pricing,support","comment":"All good","recommend":"9","nextCheckIn":"2026-12-01"}""", data.ToJsonString());
    }

    private static bool CardElementsHaveInputs(JsonObject card) => card.ToJsonString().Contains("\"Input.", StringComparison.Ordinal);

    private static string FirstInputVerb(JsonObject card) =>
        Find(card).First(a => (string?)a["associatedInputs"] != "none" && a["verb"] is not null)["verb"]!.GetValue<string>();

    private static IEnumerable<JsonObject> Find(JsonNode node) => node switch
    {
        JsonObject o when (string?)o["type"] == "Action.Execute" => [o],
        JsonObject o => o.SelectMany(p => p.Value is null ? [] : Find(p.Value)),
        JsonArray a => a.SelectMany(n => n is null ? [] : Find(n)),
        _ => [],
    };

    private static void AssertGolden(string fileName, JsonNode actual)
    {
        var path = Path.Combine(GoldenFolder, fileName);
        var text = actual.ToJsonString(Indented) + "\n";
        if (Environment.GetEnvironmentVariable("UPDATE_GOLDEN") == "1" || !File.Exists(path))
        {
            System.IO.Directory.CreateDirectory(GoldenFolder);
            File.WriteAllText(path, text);
            Assert.True(Environment.GetEnvironmentVariable("UPDATE_GOLDEN") == "1", $"Golden file {fileName} was missing and has been written; review and commit it.");
            return;
        }
        Assert.True(JsonNode.DeepEquals(JsonNode.Parse(File.ReadAllText(path)), actual),
            $"Slack rendering differs from {path}. If intended, rerun with UPDATE_GOLDEN=1.\nActual:\n{text}");
    }
}
