using System.Net;
using System.Text.Json.Nodes;
using EngageBot.SlackApi.WebApi;
using EngageBot.TestSupport.FakeSlack;

namespace EngageBot.Tests.Slack;

public sealed class SlackApiClientTests : IAsyncLifetime
{
    private FakeSlackServer _slack = null!;
    private SlackApiClient _api = null!;
    private readonly HttpClient _http = new();

    public async Task InitializeAsync()
    {
        _slack = await FakeSlackServer.StartAsync();
        _api = new SlackApiClient(_http, new SlackApiClientOptions { BaseUrl = _slack.BaseUrl, BotToken = "xoxb-unit" });
    }

    public async Task DisposeAsync()
    {
        _http.Dispose();
        await _slack.DisposeAsync();
    }

    [Fact]
    public async Task Every_method_posts_to_its_url_with_the_bearer_token_and_its_fields()
    {
        var blocks = new JsonArray(new JsonObject { ["type"] = "section" });
        var posted = await _api.ChatPostMessageAsync(new("C1", "fallback", blocks, ThreadTs: "1.1"));
        await _api.ChatUpdateAsync(new("C1", posted.Ts!, "edited"));
        await _api.ChatPostEphemeralAsync(new("C1", "U1", "only you"));
        var dm = await _api.ConversationsOpenAsync(["U2"]);
        await _api.ViewsOpenAsync("trig", new JsonObject { ["type"] = "modal" });
        await _api.ReactionsAddAsync("C1", posted.Ts!, "eyes");
        _slack.AddUser("U3", "T3");
        var user = await _api.UsersInfoAsync("U3");
        var info = await _api.ConversationsInfoAsync("C1");

        Assert.Equal("C1", posted.Channel);
        Assert.Equal("DU2", dm.Channel!.Id);
        Assert.Equal("T3", user.User!.TeamId);
        Assert.Equal("partner-acme", info.Channel!.Name);
        Assert.All(_slack.Calls, c => Assert.Equal("Bearer xoxb-unit", c.Authorization));

        var post = _slack.CallsTo("chat.postMessage").Single();
        Assert.True(post.IsJson);
        Assert.Equal("C1", post.Field("channel"));
        Assert.Equal("fallback", post.Field("text"));
        Assert.Equal("1.1", post.Field("thread_ts"));
        Assert.Equal("section", (string?)post.Json["blocks"]![0]!["type"]);
        Assert.False(post.Json.ContainsKey("unfurl_links"));
        Assert.Equal(posted.Ts, _slack.CallsTo("chat.update").Single().Field("ts"));
        Assert.Equal("U1", _slack.CallsTo("chat.postEphemeral").Single().Field("user"));
        Assert.Equal("U2", _slack.CallsTo("conversations.open").Single().Form["users"]);
        Assert.Equal("trig", _slack.CallsTo("views.open").Single().Field("trigger_id"));
        var reaction = _slack.CallsTo("reactions.add").Single();
        Assert.Equal(("C1", posted.Ts, "eyes"), (reaction.Field("channel"), reaction.Field("timestamp"), reaction.Field("name")));
        Assert.Equal("U3", _slack.CallsTo("users.info").Single().Form["user"]);
        Assert.Equal("C1", _slack.CallsTo("conversations.info").Single().Form["channel"]);
    }

    [Fact]
    public async Task Ok_false_throws_SlackApiException_with_the_error_code()
    {
        _slack.FailNext("chat.postMessage", "channel_not_found");
        var e = await Assert.ThrowsAsync<SlackApiException>(() => _api.ChatPostMessageAsync(new("C404", "hi")));
        Assert.Equal("channel_not_found", e.Error);
        Assert.Equal("chat.postMessage", e.Method);
    }

    [Fact]
    public async Task Http_429_throws_SlackRateLimitedException_with_Retry_After()
    {
        _slack.RateLimitNext("chat.postMessage", 7);
        var e = await Assert.ThrowsAsync<SlackRateLimitedException>(() => _api.ChatPostMessageAsync(new("C1", "hi")));
        Assert.Equal(TimeSpan.FromSeconds(7), e.RetryAfter);
    }

    [Fact]
    public async Task A_server_error_is_a_transport_failure()
    {
        _slack.StatusNext("chat.postMessage", HttpStatusCode.ServiceUnavailable);
        var e = await Assert.ThrowsAsync<HttpRequestException>(() => _api.ChatPostMessageAsync(new("C1", "hi")));
        Assert.Equal(HttpStatusCode.ServiceUnavailable, e.StatusCode);
    }

    [Fact]
    public async Task Socket_mode_urls_are_requested_with_the_app_token_in_the_header()
    {
        var opened = await _api.AppsConnectionsOpenAsync("xapp-1-secret");
        var call = _slack.CallsTo("apps.connections.open").Single();
        Assert.Equal("Bearer xapp-1-secret", call.Authorization);
        Assert.DoesNotContain("xapp", call.Body);
        Assert.StartsWith("ws://127.0.0.1:", opened.Url);
    }
}
