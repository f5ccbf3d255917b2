using System.Net;
using System.Text.Json.Nodes;
using EngageBot.Channels;
using EngageBot.Channels.Teams;

namespace EngageBot.Tests.Teams;

/// <summary>TeamsChatChannel through the real host against the fake Connector, using references stored from inbound activities.</summary>
public sealed class TeamsChatChannelTests(TeamsEnvironment env) : IClassFixture<TeamsEnvironment>, IAsyncLifetime
{
    private const string EscapedChannel = "19%3Aa1b2c3%40thread.tacv2";
    private readonly TeamsEnvironment _env = env;

    public async Task InitializeAsync()
    {
        Assert.Equal(HttpStatusCode.OK, (await _env.PostAsync(TeamsActivities.BotAddedToTeam(_env.ServiceUrl))).StatusCode);
        _env.Connector.Reset();
    }

    public Task DisposeAsync() => Task.CompletedTask;

    private TeamsChatChannel Channel => _env.Service<TeamsChatChannel>();

    private static ConversationRef TeamsChannel => new(ChatPlatform.Teams, TeamsActivities.ChannelId);

    [Fact]
    public async Task Post_sends_a_new_channel_message_with_text_and_the_card_attachment()
    {
        var card = new JsonObject { ["type"] = "AdaptiveCard", ["version"] = "1.5", ["body"] = new JsonArray() };

        var result = await Channel.DeliverAsync(DeliveryTarget.Post(TeamsChannel), new OutboundMessage("Ticket T-1 opened", card), default);

        var request = Assert.Single(_env.Connector.Requests);
        Assert.Equal(("POST", $"/v3/conversations/{EscapedChannel}/activities"), (request.Method, request.RawTarget));
        Assert.Equal($"Bearer {_env.Connector.LastIssuedToken}", request.Authorization);
        Assert.Equal("message", request.Body!["type"]!.GetValue<string>());
        Assert.Equal("Ticket T-1 opened", request.Body["text"]!.GetValue<string>());
        Assert.Equal("application/vnd.microsoft.card.adaptive", request.Body["attachments"]![0]!["contentType"]!.GetValue<string>());
        Assert.Equal("AdaptiveCard", request.Body["attachments"]![0]!["content"]!["type"]!.GetValue<string>());
        Assert.Equal(TeamsChannel, result.Message!.Conversation);
        Assert.Equal(TeamsHost.TenantId, _env.Connector.TokenRequests[^1].Tenant);
    }

    [Fact]
    public async Task Thread_reply_goes_to_the_messageid_conversation()
    {
        await Channel.DeliverAsync(DeliveryTarget.Post(TeamsChannel.Thread("1700000000001")), new OutboundMessage("On it"), default);

        Assert.Equal($"/v3/conversations/{EscapedChannel}%3Bmessageid%3D1700000000001/activities", Assert.Single(_env.Connector.Requests).RawTarget);
    }

    [Fact]
    public async Task Update_puts_the_activity()
    {
        await Channel.DeliverAsync(DeliveryTarget.Update(new MessageRef(TeamsChannel, "1:card")), new OutboundMessage("Resolved"), default);

        var request = Assert.Single(_env.Connector.Requests);
        Assert.Equal(("PUT", $"/v3/conversations/{EscapedChannel}/activities/1%3Acard"), (request.Method, request.RawTarget));
        Assert.Equal("Resolved", request.Body!["text"]!.GetValue<string>());
    }

    [Fact]
    public async Task Direct_message_creates_the_one_to_one_conversation_once_and_reuses_it()
    {
        await _env.PostAsync(TeamsActivities.ChannelMention(_env.ServiceUrl, id: "m-dm", aadObjectId: "aad-pat"));
        _env.Connector.Reset();

        await Channel.DeliverAsync(DeliveryTarget.Direct(ChatPlatform.Teams, "aad-pat"), new OutboundMessage("First"), default);
        await Channel.DeliverAsync(DeliveryTarget.Direct(ChatPlatform.Teams, "29:1user"), new OutboundMessage("Second"), default);

        var requests = _env.Connector.Requests;
        Assert.Equal(3, requests.Count);
        Assert.Equal(("POST", "/v3/conversations"), (requests[0].Method, requests[0].RawTarget));
        Assert.Equal("28:" + TeamsHost.AppId, requests[0].Body!["bot"]!["id"]!.GetValue<string>());
        Assert.Equal("29:1user", requests[0].Body!["members"]![0]!["id"]!.GetValue<string>());
        Assert.Equal(TeamsHost.TenantId, requests[0].Body!["channelData"]!["tenant"]!["id"]!.GetValue<string>());
        Assert.False(requests[0].Body!["isGroup"]!.GetValue<bool>());
        Assert.StartsWith("/v3/conversations/a%3Afake-personal-", requests[1].RawTarget);
        Assert.Equal(requests[1].RawTarget, requests[2].RawTarget);
    }

    [Fact]
    public async Task Proactive_direct_message_works_after_a_restart_from_the_persisted_reference()
    {
        await _env.PostAsync(TeamsActivities.PersonalMessage(_env.ServiceUrl, "p-1", "29:1pat", "aad-restart"));

        await _env.RestartAsync();
        _env.Connector.Reset();
        var result = await _env.Service<TeamsChatChannel>().DeliverAsync(DeliveryTarget.Direct(ChatPlatform.Teams, "aad-restart"), new OutboundMessage("Your check-in is due"), default);

        var request = Assert.Single(_env.Connector.Requests);
        Assert.Equal("/v3/conversations/a%3Apersonal-p-1/activities", request.RawTarget);
        Assert.Equal("Your check-in is due", request.Body!["text"]!.GetValue<string>());
        Assert.Equal("a:personal-p-1", result.Message!.Conversation.ChannelId);
    }

    [Fact]
    public async Task Ephemeral_falls_back_to_a_direct_message()
    {
        await _env.PostAsync(TeamsActivities.PersonalMessage(_env.ServiceUrl, "p-2", "29:1eph", "aad-eph"));
        _env.Connector.Reset();

        await Channel.DeliverAsync(DeliveryTarget.Ephemeral(TeamsChannel, "aad-eph"), new OutboundMessage("Only you can see this"), default);

        Assert.Equal("/v3/conversations/a%3Apersonal-p-2/activities", Assert.Single(_env.Connector.Requests).RawTarget);
    }

    [Fact]
    public async Task Reaction_is_a_no_op()
    {
        var result = await Channel.DeliverAsync(DeliveryTarget.React(new MessageRef(TeamsChannel, "1:x")), new OutboundMessage("eyes"), default);

        Assert.Null(result.Message);
        Assert.Empty(_env.Connector.Requests);
    }

    [Theory]
    [InlineData(403, "ConversationBlockedByUser")]
    [InlineData(403, "BotNotInConversationRoster")]
    [InlineData(403, "BotDisabledByAdmin")]
    [InlineData(404, "ConversationNotFound")]
    [InlineData(413, "MessageSizeTooBig")]
    public async Task Permanent_failures_are_classified_permanent(int status, string code)
    {
        _env.Connector.FailNext(status, code);

        var e = await Assert.ThrowsAsync<DeliveryException>(() => Channel.DeliverAsync(DeliveryTarget.Post(TeamsChannel), new OutboundMessage("x"), default));

        Assert.True(e.Permanent);
    }

    [Theory]
    [InlineData(429, "Throttled")]
    [InlineData(412, "PreconditionFailed")]
    [InlineData(502, "BadGateway")]
    [InlineData(503, "ServiceUnavailable")]
    [InlineData(504, "GatewayTimeout")]
    public async Task Throttling_and_gateway_failures_are_retryable_with_retry_after(int status, string code)
    {
        _env.Connector.FailNext(status, code, retryAfterSeconds: 3);

        var e = await Assert.ThrowsAsync<DeliveryException>(() => Channel.DeliverAsync(DeliveryTarget.Post(TeamsChannel), new OutboundMessage("x"), default));

        Assert.False(e.Permanent);
        Assert.Equal(TimeSpan.FromSeconds(3), e.RetryAfter);
    }

    [Fact]
    public async Task Unknown_channel_is_permanent_without_calling_teams()
    {
        var e = await Assert.ThrowsAsync<DeliveryException>(() =>
            Channel.DeliverAsync(DeliveryTarget.Post(new ConversationRef(ChatPlatform.Teams, "19:never@thread.tacv2")), new OutboundMessage("x"), default));

        Assert.True(e.Permanent);
        Assert.Empty(_env.Connector.Requests);
    }

    [Fact]
    public async Task Pacing_is_per_conversation_and_opening_forms_is_not_supported()
    {
        Assert.Equal(Channel.PacingKey(DeliveryTarget.Post(TeamsChannel)), Channel.PacingKey(DeliveryTarget.Post(TeamsChannel.Thread("1"))));
        Assert.NotEqual(Channel.PacingKey(DeliveryTarget.Post(TeamsChannel)), Channel.PacingKey(DeliveryTarget.Direct(ChatPlatform.Teams, "aad")));
        Assert.False(await Channel.OpenFormAsync("t", new OutboundMessage("x"), default));
    }
}
