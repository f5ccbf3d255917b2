using System.Text.Json.Nodes;
using EngageBot.Channels;

namespace EngageBot.Tests.Slack;

public sealed class SlackSocketModeServiceTests(SlackSocketModeHost fixture) : IClassFixture<SlackSocketModeHost>
{
    private readonly SlackHost _host = fixture.Host;

    [Fact]
    public async Task Envelopes_go_through_the_same_mapping_and_inbox_and_are_acked_after()
    {
        _ = _host.Server; // starts the host and its Socket Mode service
        var slack = _host.Slack;

        await slack.Socket.SendAsync(new JsonObject
        {
            ["envelope_id"] = "sock-ev-1",
            ["type"] = "events_api",
            ["payload"] = JsonNode.Parse(SlackPayloads.Envelope(SlackPayloads.Message("1793610000.000500", "via socket"), "Ev-socket-1")),
        });
        Assert.Equal("sock-ev-1", (string?)(await slack.Socket.NextAckAsync(TimeSpan.FromSeconds(20)))["envelope_id"]);

        await slack.Socket.SendAsync(new JsonObject
        {
            ["envelope_id"] = "sock-cmd-1",
            ["type"] = "slash_commands",
            ["payload"] = new JsonObject
            {
                ["token"] = "x", ["team_id"] = SlackHost.OurTeam, ["channel_id"] = SlackPayloads.Channel, ["user_id"] = SlackPayloads.InternalUser,
                ["command"] = "/engagebot", ["text"] = "status", ["trigger_id"] = "trig-sock-1",
            },
        });
        Assert.Equal("sock-cmd-1", (string?)(await slack.Socket.NextAckAsync())["envelope_id"]);

        _host.Router.Result = CardActionResult.Invalid(new Dictionary<string, string> { ["comment"] = "Too short" });
        await slack.Socket.SendAsync(new JsonObject
        {
            ["envelope_id"] = "sock-view-1",
            ["type"] = "interactive",
            ["accepts_response_payload"] = true,
            ["payload"] = JsonNode.Parse(SlackPayloads.ViewSubmission("feedback.save", "{}", "comment_block", "comment", "x")),
        });
        var viewAck = await slack.Socket.NextAckAsync();

        Assert.Equal("errors", (string?)viewAck["payload"]!["response_action"]);
        Assert.Equal("Too short", (string?)viewAck["payload"]!["errors"]!["comment_block"]);
        Assert.Collection(_host.Inbox.Accepted,
            e => Assert.Equal("via socket", Assert.IsType<MessagePosted>(e).Text),
            e => Assert.Equal("status", Assert.IsType<CommandInvoked>(e).Arguments));
        Assert.Equal("Bearer xapp-test-app-token", slack.CallsTo("apps.connections.open")[0].Authorization);
    }
}
