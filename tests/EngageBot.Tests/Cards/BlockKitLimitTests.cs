using System.Text.Json.Nodes;
using EngageBot.Cards;

namespace EngageBot.Tests.Cards;

/// <summary>Oversized cards still give Block Kit Slack accepts: split where Slack allows it, visibly truncated where not.</summary>
public class BlockKitLimitTests
{
    private readonly BlockKitRenderer _renderer = new();

    private static JsonObject Card(params JsonNode[] body) => new()
    {
        ["type"] = "AdaptiveCard",
        ["version"] = "1.5",
        ["body"] = new JsonArray(body),
    };

    private static JsonObject Text(string text, string? size = null) =>
        size is null ? new() { ["type"] = "TextBlock", ["text"] = text } : new() { ["type"] = "TextBlock", ["text"] = text, ["size"] = size };

    [Fact]
    public void Sixty_facts_split_into_sections_of_ten_fields()
    {
        var facts = new JsonArray(Enumerable.Range(1, 60).Select(i => (JsonNode)new JsonObject { ["title"] = $"Fact {i}", ["value"] = $"Value {i}" }).ToArray());
        var blocks = _renderer.RenderMessage(Card(new JsonObject { ["type"] = "FactSet", ["facts"] = facts })).Blocks;
        BlockKitAssert.ValidMessage(blocks);
        Assert.Equal(6, blocks.Count);
        Assert.All(blocks, b => Assert.Equal(10, b!["fields"]!.AsArray().Count));
    }

    [Fact]
    public void Text_of_4000_chars_is_cut_to_3000_with_a_visible_ellipsis()
    {
        var blocks = _renderer.RenderMessage(Card(Text("Title", "Large"), Text(new string('a', 4000)))).Blocks;
        BlockKitAssert.ValidMessage(blocks);
        var text = (string)blocks[1]!["text"]!["text"]!;
        Assert.Equal(3000, text.Length);
        Assert.EndsWith("…", text);
    }

    [Fact]
    public void Thirty_buttons_split_into_actions_blocks_of_at_most_25()
    {
        var actions = new JsonArray(Enumerable.Range(1, 30).Select(i => (JsonNode)new JsonObject
        {
            ["type"] = "Action.Execute", ["title"] = $"Button {i}", ["verb"] = "ticket.resolve", ["data"] = new JsonObject { ["n"] = i },
        }).ToArray());
        var card = Card(Text("Many buttons"));
        card["actions"] = actions;
        var blocks = _renderer.RenderMessage(card).Blocks;
        BlockKitAssert.ValidMessage(blocks);
        var actionBlocks = blocks.Where(b => (string?)b!["type"] == "actions").ToList();
        Assert.Equal([25, 5], actionBlocks.Select(b => b!["elements"]!.AsArray().Count));
        Assert.All(actionBlocks.SelectMany(b => b!["elements"]!.AsArray()), b => Assert.Equal("ticket.resolve", BlockKitRenderer.VerbOf((string)b!["action_id"]!)));
    }

    [Fact]
    public void Long_title_and_button_text_are_truncated_to_their_limits()
    {
        var card = Card(Text(new string('T', 400), "ExtraLarge"));
        card["actions"] = new JsonArray(new JsonObject { ["type"] = "Action.OpenUrl", ["title"] = new string('B', 200), ["url"] = "https://example.com" });
        var blocks = _renderer.RenderMessage(card).Blocks;
        BlockKitAssert.ValidMessage(blocks);
        Assert.Equal(150, ((string)blocks[0]!["text"]!["text"]!).Length);
        Assert.Equal(75, ((string)blocks[1]!["elements"]![0]!["text"]!["text"]!).Length);
    }

    [Fact]
    public void A_modal_title_longer_than_24_chars_is_truncated()
    {
        var card = Card(Text("A very long form title that goes on and on", "Large"),
            new JsonObject { ["type"] = "Input.Text", ["id"] = "x", ["label"] = "X" });
        var modal = _renderer.RenderModal(card, "feedback.submit", "{}");
        BlockKitAssert.ValidModal(modal);
        Assert.Equal("A very long form title …", (string?)modal["title"]!["text"]);
    }

    [Fact]
    public void Too_many_blocks_keep_every_button_and_say_how_many_items_were_left_out()
    {
        var body = Enumerable.Range(1, 80).Select(i => (JsonNode)Text($"Line {i}")).ToList();
        body.Insert(10, new JsonObject
        {
            ["type"] = "ActionSet",
            ["actions"] = new JsonArray(new JsonObject { ["type"] = "Action.Execute", ["title"] = "Resolve", ["verb"] = "ticket.resolve", ["data"] = new JsonObject() }),
        });
        var blocks = _renderer.RenderMessage(Card(body.ToArray())).Blocks;
        BlockKitAssert.ValidMessage(blocks);
        Assert.Equal(50, blocks.Count);
        Assert.Equal("actions", (string?)blocks[^1]!["type"]);
        Assert.Matches(@"… \d+ more items not shown in Slack\.", blocks[^2]!["elements"]![0]!["text"]!.GetValue<string>());
    }

    [Fact]
    public void Many_long_sections_stay_under_the_whole_message_text_budget()
    {
        var body = Enumerable.Range(1, 20).Select(i => (JsonNode)Text(new string('x', 2500))).ToArray();
        var blocks = _renderer.RenderMessage(Card(body)).Blocks;
        BlockKitAssert.ValidMessage(blocks);
        Assert.True(blocks.Sum(b => b!.ToJsonString().Length) < 13000);
    }

    [Fact]
    public void Action_data_too_big_for_a_button_value_is_a_clear_error_not_a_rejected_payload()
    {
        var card = Card(Text("x"));
        card["actions"] = new JsonArray(new JsonObject
        {
            ["type"] = "Action.Execute", ["title"] = "Go", ["verb"] = "ticket.resolve", ["data"] = new JsonObject { ["blob"] = new string('z', 2500) },
        });
        var error = Assert.Throws<InvalidOperationException>(() => _renderer.RenderMessage(card));
        Assert.Contains("ticket.resolve", error.Message);
    }
}
