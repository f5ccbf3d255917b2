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

    [Fact]
    public async Task The_link_command_sends_the_card_by_dm_and_answers_in_the_channel()
    {
        world.Slack.AddUser(Priya, EndToEndHost.OurSlackTeam, name: "priya");
        var form = "team_id=" + EndToEndHost.OurSlackTeam + "&channel_id=C0LATELINK&channel_name=acme-late&user_id=" + Priya
            + "&user_name=priya&command=%2Fengagebot&text=link&trigger_id=13345224609.738474920.e2elink";

        var response = await world.PostSlackAsync("/api/slack/commands", form, "application/x-www-form-urlencoded");

        Assert.True(response.IsSuccessStatusCode);
        await EndToEndWorld.EventuallyAsync(() => Task.FromResult(world.Slack.CallsTo("chat.postEphemeral").Any(c => c.Field("channel") == "C0LATELINK")),
            "the answer in the channel");
        await EndToEndWorld.EventuallyAsync(() => Task.FromResult(world.Slack.CallsTo("chat.postMessage").Any(c =>
                c.Field("channel") == "D" + Priya && c.IsJson && c.Json.ToJsonString().Contains("Which partner is this channel for", StringComparison.Ordinal))),
            "the channel-link card by DM");
        Assert.Equal(Priya, world.Slack.CallsTo("conversations.open").Last().Field("users"));
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

/// <summary>The same on Teams: the card's Action.Execute arrives as an invoke and links the channel.</summary>
public sealed class TeamsChannelLinkEndToEndTests(EndToEndWorld world) : IClassFixture<EndToEndWorld>
{
    private const string NewChannel = "19:0e2e0e2e0e2e4e2e8e2e0e2e0e2e0e2e@thread.tacv2";
    private const string LenaAad = "8b1d4e7f-2c3a-4b5d-8e9f-0a1b2c3d4e5f";
    private const string TulipTenant = "a1b2c3d4-e5f6-4a7b-8c9d-0e1f2a3b4c5d";

    [Fact]
    public async Task An_Action_Execute_invoke_links_the_channel_and_later_partner_messages_are_attributed()
    {
        var invoke = Activity("invoke", "f:e2e-link-1", "29:1lena", LenaAad, EndToEndHost.OurTenant);
        invoke["name"] = "adaptiveCard/action";
        invoke["value"] = new JsonObject
        {
            ["action"] = new JsonObject
            {
                ["type"] = "Action.Execute", ["verb"] = CardVerbs.ChannelLink,
                ["data"] = new JsonObject { ["channel"] = NewChannel, ["platform"] = "teams", ["partnerId"] = "tulip-systems" },
            },
            ["trigger"] = "manual",
        };
        var response = await world.PostTeamsAsync(invoke);
        Assert.True(response.IsSuccessStatusCode, response.StatusCode.ToString());
        Assert.Contains("linked to Tulip Systems", await response.Content.ReadAsStringAsync());

        var message = Activity("message", "1790000000900", "29:1tulip", "0a0b0c0d-0000-0000-0000-00000000e2e9", TulipTenant);
        message["text"] = "Hello from Tulip";
        await world.PostTeamsAsync(message);
        await EndToEndWorld.EventuallyAsync(async () => (await world.InteractionsAsync("tulip-systems")).Any(i => i.MessageId == "1790000000900"),
            "the partner message attributed to tulip-systems");
        Assert.Equal(AuthorKind.Partner, (await world.InteractionsAsync("tulip-systems")).Single(i => i.MessageId == "1790000000900").AuthorKind);
    }

    private JsonObject Activity(string type, string id, string fromId, string aad, string fromTenant) =>
        world.TeamsChannelActivity(type, id, NewChannel, fromId, aad, fromTenant, rootId: id);
}
