using System.Net;
using System.Text.Json.Nodes;
using EngageBot.Cards;
using EngageBot.Channels;
using EngageBot.Channels.Slack;
using EngageBot.SlackApi.WebApi;
using EngageBot.TestSupport.FakeSlack;
using Microsoft.Extensions.Caching.Memory;

namespace EngageBot.Tests.Slack;

public sealed class SlackChatChannelTests : IAsyncLifetime
{
    private static readonly ConversationRef Channel = new(ChatPlatform.Slack, "C0PARTNER1");
    private FakeSlackServer _slack = null!;
    private SlackChatChannel _channel = null!;
    private readonly HttpClient _http = new();

    public async Task InitializeAsync()
    {
        _slack = await FakeSlackServer.StartAsync();
        var api = new SlackApiClient(_http, new SlackApiClientOptions { BaseUrl = _slack.BaseUrl, BotToken = "xoxb-channel" });
        _channel = NewChannel(api);
    }

    // A fresh DM cache per channel, so each test sees its own conversations.open calls.
    private static SlackChatChannel NewChannel(SlackApiClient api) =>
        new(api, new BlockKitRenderer(), new SlackDirectChannels(api, new MemoryCache(new MemoryCacheOptions())));

    public async Task DisposeAsync()
    {
        _http.Dispose();
        await _slack.DisposeAsync();
    }

    private static JsonObject Card() => new()
    {
        ["type"] = "AdaptiveCard",
        ["body"] = new JsonArray(new JsonObject { ["type"] = "TextBlock", ["text"] = "Ticket T-1 opened" },
            new JsonObject { ["type"] = "FactSet", ["facts"] = new JsonArray(new JsonObject { ["title"] = "SLA", ["value"] = "4h" }) }),
        ["actions"] = new JsonArray(new JsonObject { ["type"] = "Action.Execute", ["title"] = "Acknowledge", ["verb"] = "ticket.ack", ["data"] = new JsonObject { ["ticketId"] = "T-1" } }),
    };

    private static JsonObject FormCard()
    {
        var card = Card();
        card["body"]!.AsArray().Add(new JsonObject { ["type"] = "Input.Text", ["id"] = "note", ["label"] = "Note" });
        return card;
    }

    [Fact]
    public async Task A_card_post_sends_blocks_and_the_text_fallback_and_returns_the_ts()
    {
        var result = await _channel.DeliverAsync(DeliveryTarget.Post(Channel), new OutboundMessage("Ticket T-1 opened for Acme", Card()), default);

        var call = _slack.CallsTo("chat.postMessage").Single();
        Assert.Equal("Bearer xoxb-channel", call.Authorization);
        Assert.Equal("Ticket T-1 opened for Acme", call.Field("text"));
        var blocks = call.Json["blocks"]!.AsArray();
        var button = blocks.Single(b => (string?)b!["type"] == "actions")!["elements"]![0]!;
        Assert.Equal("ticket.ack", (string?)button["action_id"]);
        Assert.Equal("T-1", (string?)JsonNode.Parse((string)button["value"]!)!["ticketId"]);
        Assert.Equal(Channel, result.Message!.Conversation);
        Assert.Matches(@"^\d+\.\d+$", result.Message.MessageId);
    }

    [Fact]
    public async Task Thread_update_dm_ephemeral_and_reaction_deliveries_use_their_methods()
    {
        await _channel.DeliverAsync(DeliveryTarget.Post(Channel.Thread("1.5")), new OutboundMessage("in thread"), default);
        await _channel.DeliverAsync(DeliveryTarget.Update(new MessageRef(Channel, "1.5")), new OutboundMessage("updated", Card()), default);
        var dm = await _channel.DeliverAsync(DeliveryTarget.Direct(ChatPlatform.Slack, "U0PM"), new OutboundMessage("nudge"), default);
        await _channel.DeliverAsync(DeliveryTarget.Ephemeral(Channel, "U0PARTNER1"), new OutboundMessage("only you"), default);
        await _channel.DeliverAsync(DeliveryTarget.React(new MessageRef(Channel, "1.5")), new OutboundMessage(":ticket:"), default);

        Assert.Equal("1.5", _slack.CallsTo("chat.postMessage")[0].Field("thread_ts"));
        var update = _slack.CallsTo("chat.update").Single();
        Assert.Equal(("C0PARTNER1", "1.5", "updated"), (update.Field("channel"), update.Field("ts"), update.Field("text")));
        Assert.NotNull(update.Json["blocks"]);
        Assert.Equal("U0PM", _slack.CallsTo("conversations.open").Single().Form["users"]);
        Assert.Equal("DU0PM", _slack.CallsTo("chat.postMessage")[1].Field("channel"));
        Assert.Equal("DU0PM", dm.Message!.Conversation.ChannelId);
        Assert.Equal("U0PARTNER1", _slack.CallsTo("chat.postEphemeral").Single().Field("user"));
        Assert.Equal("ticket", _slack.CallsTo("reactions.add").Single().Field("name"));
        Assert.All(_slack.Calls, c => Assert.Equal("Bearer xoxb-channel", c.Authorization));
    }

    [Theory]
    [InlineData("channel_not_found")]
    [InlineData("is_archived")]
    [InlineData("not_in_channel")]
    [InlineData("user_not_found")]
    [InlineData("account_inactive")]
    [InlineData("cannot_dm_bot")]
    [InlineData("invalid_auth")]
    [InlineData("msg_blocks_too_long")]
    public async Task Slack_errors_about_the_target_or_credentials_are_permanent(string error)
    {
        _slack.FailNext("chat.postMessage", error);
        var e = await Assert.ThrowsAsync<DeliveryException>(() => _channel.DeliverAsync(DeliveryTarget.Post(Channel), new OutboundMessage("hi"), default));
        Assert.True(e.Permanent);
        Assert.Contains(error, e.Message);
    }

    [Fact]
    public async Task Rate_limits_are_retryable_after_Slacks_delay()
    {
        _slack.RateLimitNext("chat.postMessage", 30);
        var e = await Assert.ThrowsAsync<DeliveryException>(() => _channel.DeliverAsync(DeliveryTarget.Post(Channel), new OutboundMessage("hi"), default));
        Assert.False(e.Permanent);
        Assert.Equal(TimeSpan.FromSeconds(30), e.RetryAfter);
    }

    [Fact]
    public async Task Server_errors_and_slack_internal_errors_are_retryable()
    {
        _slack.StatusNext("chat.update", HttpStatusCode.BadGateway);
        _slack.FailNext("chat.postMessage", "internal_error");
        var update = await Assert.ThrowsAsync<DeliveryException>(() => _channel.DeliverAsync(DeliveryTarget.Update(new MessageRef(Channel, "1.1")), new OutboundMessage("x"), default));
        var post = await Assert.ThrowsAsync<DeliveryException>(() => _channel.DeliverAsync(DeliveryTarget.Post(Channel), new OutboundMessage("x"), default));
        Assert.False(update.Permanent);
        Assert.False(post.Permanent);
    }

    [Fact]
    public async Task An_unreachable_slack_is_retryable()
    {
        using var http = new HttpClient();
        var api = new SlackApiClient(http, new SlackApiClientOptions { BaseUrl = new Uri($"http://127.0.0.1:{TestSupport.FreePort.Next()}/api/"), BotToken = "x" });
        var channel = NewChannel(api);
        var e = await Assert.ThrowsAsync<DeliveryException>(() => channel.DeliverAsync(DeliveryTarget.Post(Channel), new OutboundMessage("x"), default));
        Assert.False(e.Permanent);
    }

    [Fact]
    public async Task Reacting_twice_is_not_an_error()
    {
        _slack.FailNext("reactions.add", "already_reacted");
        var result = await _channel.DeliverAsync(DeliveryTarget.React(new MessageRef(Channel, "1.1")), new OutboundMessage("eyes"), default);
        Assert.Equal("1.1", result.Message!.MessageId);
    }

    [Fact]
    public void Pacing_is_per_channel_and_per_dm_recipient()
    {
        Assert.Equal("slack:C0PARTNER1", _channel.PacingKey(DeliveryTarget.Post(Channel.Thread("1.1"))));
        Assert.Equal("slack:C0PARTNER1", _channel.PacingKey(DeliveryTarget.Update(new MessageRef(Channel, "1.1"))));
        Assert.Equal("slack:dm:U0PM", _channel.PacingKey(DeliveryTarget.Direct(ChatPlatform.Slack, "U0PM")));
    }

    [Fact]
    public async Task An_expired_trigger_is_a_permanent_form_failure()
    {
        _slack.FailNext("views.open", "expired_trigger_id");
        var e = await Assert.ThrowsAsync<DeliveryException>(() => _channel.OpenFormAsync("old", new OutboundMessage("form", FormCard()), default));
        Assert.True(e.Permanent);
    }
}
