using System.Text.Json.Nodes;
using EngageBot.Cards;
using EngageBot.Channels;
using EngageBot.Features.Interactions;
using EngageBot.Tests.Slack;

namespace EngageBot.Tests.EndToEnd;

/// <summary>
/// The bot lands in a channel nobody claims: the internal adder gets the channel-link card by DM, opens its form
/// (Slack modal), picks a partner, and that partner's later messages there are attributed to it.
/// </summary>
public sealed class ChannelLinkEndToEndTests(EndToEndWorld world) : IClassFixture<EndToEndWorld>
{
    private const string NewChannel = "C0NEWLINK1";
    private const string Priya = "U07PRIYA01";

    [Fact]
    public async Task Linking_a_new_Slack_channel_from_the_dm_card_attributes_later_partner_messages()
    {
        world.Slack.AddUser(Priya, EndToEndHost.OurSlackTeam, name: "priya");
        var joined = new JsonObject
        {
            ["type"] = "member_joined_channel", ["user"] = EndToEndHost.BotUserId, ["channel"] = NewChannel, ["channel_type"] = "C",
            ["team"] = EndToEndHost.OurSlackTeam, ["inviter"] = Priya, ["event_ts"] = "1793610100.000100",
        };
        await world.PostSlackAsync("/api/slack/events", SlackPayloads.Envelope(joined, "Ev0E2EJOIN1"));

        await EndToEndWorld.EventuallyAsync(() => Task.FromResult(OpenFormButton() is not null), "the channel-link card DM'd to the adder");
        Assert.Equal(Priya, world.Slack.CallsTo("conversations.open").Last().Field("users"));

        var press = await world.PostSlackInteractionAsync(BlockActions(OpenFormButton()!));
        Assert.True(press.IsSuccessStatusCode);
        var view = world.Slack.CallsTo("views.open").Single().Json["view"]!.AsObject();
        Assert.Equal(CardVerbs.ChannelLink, (string?)view["callback_id"]);
        Assert.Contains("kookaburra", view["blocks"]!.ToJsonString());

        var submit = await world.PostSlackInteractionAsync(ViewSubmission(view, "kookaburra"));
        Assert.True(submit.IsSuccessStatusCode);
        Assert.DoesNotContain("errors", await submit.Content.ReadAsStringAsync());

        var message = SlackPayloads.Message("1793610200.000100", "Hello from Kookaburra", user: "U05KOOKA01", team: "T05KOOKABR");
        message["channel"] = NewChannel;
        await world.PostSlackAsync("/api/slack/events", SlackPayloads.Envelope(message, "Ev0E2EKOOKA"));
        await EndToEndWorld.EventuallyAsync(async () => (await world.InteractionsAsync("kookaburra")).Any(i => i.MessageId == "1793610200.000100"),
            "the partner message attributed to kookaburra");
        var logged = (await world.InteractionsAsync("kookaburra")).Single(i => i.MessageId == "1793610200.000100");
        Assert.Equal((AuthorKind.Partner, NewChannel), (logged.AuthorKind, logged.ChannelId));
    }

    private JsonObject? OpenFormButton() =>
        world.Slack.CallsTo("chat.postMessage").Select(c => c.IsJson ? c.Json["blocks"] : null).OfType<JsonArray>()
            .SelectMany(blocks => blocks.OfType<JsonObject>())
            .SelectMany(b => (b["elements"] as JsonArray ?? []).OfType<JsonObject>())
            .FirstOrDefault(e => (string?)e["action_id"] == CardVerbs.OpenForm);

    private static JsonObject BlockActions(JsonObject button) => new()
    {
        ["type"] = "block_actions",
        ["user"] = new JsonObject { ["id"] = Priya, ["username"] = "priya", ["team_id"] = EndToEndHost.OurSlackTeam },
        ["team"] = new JsonObject { ["id"] = EndToEndHost.OurSlackTeam },
        ["channel"] = new JsonObject { ["id"] = "D" + Priya },
        ["container"] = new JsonObject { ["type"] = "message", ["message_ts"] = "1793610150.000100", ["channel_id"] = "D" + Priya },
        ["trigger_id"] = "12466734323.1395872398.e2e",
        ["actions"] = new JsonArray(new JsonObject
        {
            ["type"] = "button", ["action_id"] = CardVerbs.OpenForm, ["block_id"] = "b1", ["value"] = (string?)button["value"], ["action_ts"] = "1793610151.000100",
        }),
    };

    private static JsonObject ViewSubmission(JsonObject view, string partnerId) => new()
    {
        ["type"] = "view_submission",
        ["user"] = new JsonObject { ["id"] = Priya, ["username"] = "priya", ["team_id"] = EndToEndHost.OurSlackTeam },
        ["team"] = new JsonObject { ["id"] = EndToEndHost.OurSlackTeam },
        ["trigger_id"] = "12466734323.1395872398.e2e2",
        ["view"] = new JsonObject
        {
            ["id"] = "V0E2E1", ["type"] = "modal", ["callback_id"] = view["callback_id"]!.DeepClone(), ["private_metadata"] = view["private_metadata"]!.DeepClone(),
            ["hash"] = "1.e2e",
            ["state"] = new JsonObject
            {
                ["values"] = new JsonObject
                {
                    ["partnerId"] = new JsonObject { ["partnerId"] = new JsonObject { ["type"] = "static_select", ["selected_option"] = new JsonObject { ["value"] = partnerId } } },
                },
            },
        },
    };
}
