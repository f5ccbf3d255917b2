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
    public async Task Private_answer_to_one_of_our_people_is_a_direct_message()
    {
        await _env.PostAsync(TeamsActivities.PersonalMessage(_env.ServiceUrl, "p-2", "29:1eph", "aad-eph"));
        await _env.References.RememberAuthorAsync(new ChatUser("29:1eph", "Sam", AuthorKind.Internal, "aad-eph"));
        _env.Connector.Reset();

        await Channel.DeliverAsync(DeliveryTarget.Ephemeral(TeamsChannel.Thread("1700000000009"), "aad-eph"), new OutboundMessage("Only you can see this"), default);

        Assert.Equal("/v3/conversations/a%3Apersonal-p-2/activities", Assert.Single(_env.Connector.Requests).RawTarget);
    }

    [Theory]
    [InlineData(AuthorKind.Partner)]
    [InlineData(AuthorKind.Unknown)]
    [InlineData(null)]
    public async Task Private_answer_to_anyone_else_goes_into_the_thread_they_asked_in_never_a_one_to_one_chat(AuthorKind? kind)
    {
        var user = $"29:1partner-{kind}";
        if (kind is { } k)
            await _env.References.RememberAuthorAsync(new ChatUser(user, "Pat", k, $"aad-partner-{kind}", "0a0b0c0d-0000-0000-0000-00000000beef"));

        await Channel.DeliverAsync(DeliveryTarget.Ephemeral(TeamsChannel.Thread("1700000000002"), user), new OutboundMessage("Open tickets: none"), default);

        var request = Assert.Single(_env.Connector.Requests);
        Assert.Equal(("POST", $"/v3/conversations/{EscapedChannel}%3Bmessageid%3D1700000000002/activities"), (request.Method, request.RawTarget));
        Assert.Equal("Open tickets: none", request.Body!["text"]!.GetValue<string>());
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
    public async Task Bot_removed_from_a_known_channel_makes_the_message_wait_for_the_bot_not_fail()
    {
        _env.Connector.FailNext(403, "BotNotInConversationRoster");

        var e = await Assert.ThrowsAsync<DeliveryException>(() => Channel.DeliverAsync(DeliveryTarget.Post(TeamsChannel), new OutboundMessage("x"), default));

        Assert.True(e.AwaitsBot);
        Assert.False(e.Permanent);
    }

    [Fact]
    public async Task A_channel_the_bot_never_heard_from_is_posted_to_by_creating_a_conversation_in_it_then_updated_and_replied_to()
    {
        const string unheard = "19:unheard0triage@thread.tacv2";
        var channel = new ConversationRef(ChatPlatform.Teams, unheard);
        var card = new JsonObject { ["type"] = "AdaptiveCard", ["version"] = "1.5", ["body"] = new JsonArray() };

        var posted = await Channel.DeliverAsync(DeliveryTarget.Post(channel), new OutboundMessage("Ticket T-9 opened", card), default);

        var create = Assert.Single(_env.Connector.Requests);
        Assert.Equal(("POST", "/v3/conversations"), (create.Method, create.RawTarget));
        Assert.True(create.Body!["isGroup"]!.GetValue<bool>());
        Assert.Equal(unheard, create.Body["channelData"]!["channel"]!["id"]!.GetValue<string>());
        Assert.Equal(TeamsHost.TenantId, create.Body["channelData"]!["tenant"]!["id"]!.GetValue<string>());
        Assert.Equal("Ticket T-9 opened", create.Body["activity"]!["text"]!.GetValue<string>());
        Assert.Equal("AdaptiveCard", create.Body["activity"]!["attachments"]![0]!["content"]!["type"]!.GetValue<string>());
        Assert.Equal(channel, posted.Message!.Conversation);
        var postId = posted.Message.MessageId;

        _env.Connector.Reset();
        await _env.RestartAsync();
        await _env.Service<TeamsChatChannel>().DeliverAsync(DeliveryTarget.Update(posted.Message), new OutboundMessage("Resolved"), default);
        await _env.Service<TeamsChatChannel>().DeliverAsync(DeliveryTarget.Post(channel.Thread(postId)), new OutboundMessage("On it"), default);

        var escaped = Uri.EscapeDataString(unheard);
        Assert.Equal([("PUT", $"/v3/conversations/{escaped}/activities/{postId}"), ("POST", $"/v3/conversations/{escaped}%3Bmessageid%3D{postId}/activities")],
            _env.Connector.Requests.Select(r => (r.Method, r.RawTarget)));
    }

    [Theory]
    [InlineData(403, "BotNotInConversationRoster")]
    [InlineData(403, "Forbidden")]
    [InlineData(404, "ConversationNotFound")]
    public async Task A_channel_in_a_team_without_the_bot_makes_the_message_wait_for_the_bot(int status, string code)
    {
        _env.Connector.FailNext(status, code);

        var e = await Assert.ThrowsAsync<DeliveryException>(() =>
            Channel.DeliverAsync(DeliveryTarget.Post(new ConversationRef(ChatPlatform.Teams, "19:notinstalled@thread.tacv2")), new OutboundMessage("x"), default));

        Assert.True(e.AwaitsBot);
        Assert.Contains("add the EngageBot app", e.Message);
        Assert.Equal("/v3/conversations", Assert.Single(_env.Connector.Requests).RawTarget);
    }

    [Fact]
    public async Task Pacing_is_per_conversation_and_opening_forms_is_not_supported()
    {
        Assert.Equal(Channel.PacingKey(DeliveryTarget.Post(TeamsChannel)), Channel.PacingKey(DeliveryTarget.Post(TeamsChannel.Thread("1"))));
        Assert.NotEqual(Channel.PacingKey(DeliveryTarget.Post(TeamsChannel)), Channel.PacingKey(DeliveryTarget.Direct(ChatPlatform.Teams, "aad")));
        Assert.False(await Channel.OpenFormAsync("t", new OutboundMessage("x"), default));
    }
}
