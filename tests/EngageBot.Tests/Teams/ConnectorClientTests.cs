using System.Net;
using System.Text.Json.Nodes;
using EngageBot.BotFramework.Connector;
using EngageBot.BotFramework.Schema;
using EngageBot.TestSupport.FakeTeams;

namespace EngageBot.Tests.Teams;

/// <summary>The Connector client against the loopback fake: paths with escaped ids, bodies, bearer tokens from the fake Entra endpoint, errors.</summary>
public sealed class ConnectorClientTests : IAsyncLifetime
{
    private const string Conversation = "19:abc@thread.tacv2;messageid=1700000000000";
    private const string EscapedConversation = "19%3Aabc%40thread.tacv2%3Bmessageid%3D1700000000000";
    private FakeBotConnector _connector = null!;
    private ConnectorClient _client = null!;
    private HttpClient _http = null!;

    public async Task InitializeAsync()
    {
        _connector = await FakeBotConnector.StartAsync();
        _http = new HttpClient();
        _client = FakeConnectorClient.Create(_connector, _http, "app-id", "contoso-tenant");
    }

    public async Task DisposeAsync()
    {
        _http.Dispose();
        await _connector.DisposeAsync();
    }

    [Fact]
    public async Task Send_to_conversation_escapes_the_id_and_carries_the_fake_token()
    {
        var response = await _client.SendToConversationAsync(_connector.ServiceUrl, Conversation, new Activity { Type = "message", Text = "hi" });

        var request = Assert.Single(_connector.Requests);
        Assert.Equal("POST", request.Method);
        Assert.Equal($"/v3/conversations/{EscapedConversation}/activities", request.RawTarget);
        Assert.Equal($"Bearer {_connector.LastIssuedToken}", request.Authorization);
        Assert.Equal("hi", request.Body!["text"]!.GetValue<string>());
        Assert.NotNull(response.Id);
        var token = Assert.Single(_connector.TokenRequests);
        Assert.Equal("contoso-tenant", token.Tenant);
        Assert.Equal("client_credentials", token.Form["grant_type"]);
        Assert.Equal("app-id", token.Form["client_id"]);
        Assert.Equal("https://api.botframework.com/.default", token.Form["scope"]);
    }

    [Fact]
    public async Task Token_is_cached_across_calls()
    {
        await _client.SendToConversationAsync(_connector.ServiceUrl, Conversation, new Activity { Type = "message", Text = "1" });
        await _client.SendToConversationAsync(_connector.ServiceUrl, Conversation, new Activity { Type = "message", Text = "2" });

        Assert.Single(_connector.TokenRequests);
        Assert.All(_connector.Requests, r => Assert.Equal($"Bearer {_connector.LastIssuedToken}", r.Authorization));
    }

    [Fact]
    public async Task Reply_update_and_delete_use_the_documented_paths()
    {
        await _client.ReplyToActivityAsync(_connector.ServiceUrl, Conversation, "1:root", new Activity { Type = "message", Text = "reply" });
        await _client.UpdateActivityAsync(_connector.ServiceUrl, Conversation, "1:root", new Activity { Type = "message", Text = "edited" });
        await _client.DeleteActivityAsync(_connector.ServiceUrl, Conversation, "1:root");

        var requests = _connector.Requests;
        Assert.Equal(("POST", $"/v3/conversations/{EscapedConversation}/activities/1%3Aroot"), (requests[0].Method, requests[0].RawTarget));
        Assert.Equal(("PUT", $"/v3/conversations/{EscapedConversation}/activities/1%3Aroot"), (requests[1].Method, requests[1].RawTarget));
        Assert.Equal("1:root", requests[1].Body!["id"]!.GetValue<string>());
        Assert.Equal(("DELETE", $"/v3/conversations/{EscapedConversation}/activities/1%3Aroot"), (requests[2].Method, requests[2].RawTarget));
    }

    [Fact]
    public async Task Create_conversation_posts_conversation_parameters()
    {
        var created = await _client.CreateConversationAsync(_connector.ServiceUrl, new ConversationParameters
        {
            IsGroup = false,
            Bot = new ChannelAccount { Id = "28:app-id" },
            Members = [new ChannelAccount { Id = "29:user" }],
            TenantId = "contoso-tenant",
            ChannelData = new JsonObject { ["tenant"] = new JsonObject { ["id"] = "contoso-tenant" } },
        });

        var request = Assert.Single(_connector.Requests);
        Assert.Equal(("POST", "/v3/conversations"), (request.Method, request.RawTarget));
        Assert.False(request.Body!["isGroup"]!.GetValue<bool>());
        Assert.Equal("28:app-id", request.Body["bot"]!["id"]!.GetValue<string>());
        Assert.Equal("29:user", request.Body["members"]![0]!["id"]!.GetValue<string>());
        Assert.Equal("contoso-tenant", request.Body["channelData"]!["tenant"]!["id"]!.GetValue<string>());
        Assert.StartsWith("a:", created.Id);
    }

    [Fact]
    public async Task Paged_members_sends_page_size_and_continuation()
    {
        var page = await _client.GetPagedMembersAsync(_connector.ServiceUrl, "19:abc@thread.tacv2", 100, "next+/token");

        Assert.Equal("/v3/conversations/19%3Aabc%40thread.tacv2/pagedmembers?pageSize=100&continuationToken=next%2B%2Ftoken", Assert.Single(_connector.Requests).RawTarget);
        Assert.Equal("29:member", Assert.Single(page.Members!).Id);
    }

    [Fact]
    public async Task Get_member_escapes_both_ids_and_reads_the_teams_details()
    {
        _connector.AddMember("29:1guest", "guest", "contoso-tenant", "aad-guest");

        var member = await _client.GetConversationMemberAsync(_connector.ServiceUrl, "19:abc@thread.tacv2", "29:1guest");

        Assert.Equal("/v3/conversations/19%3Aabc%40thread.tacv2/members/29%3A1guest", Assert.Single(_connector.Requests).RawTarget);
        Assert.Equal(("guest", "contoso-tenant", "aad-guest"), (member.UserRole, member.TenantId, member.AadObjectId));
        var missing = await Assert.ThrowsAsync<ConnectorException>(() => _client.GetConversationMemberAsync(_connector.ServiceUrl, "19:abc@thread.tacv2", "29:1nobody"));
        Assert.Equal("MemberNotFoundInConversation", missing.ErrorCode);
    }

    [Fact]
    public async Task Teams_error_body_becomes_a_typed_exception_with_retry_after()
    {
        _connector.FailNext(429, "Throttled", retryAfterSeconds: 7);

        var e = await Assert.ThrowsAsync<ConnectorException>(() => _client.SendToConversationAsync(_connector.ServiceUrl, Conversation, new Activity { Type = "message", Text = "x" }));

        Assert.Equal(HttpStatusCode.TooManyRequests, e.StatusCode);
        Assert.Equal("Throttled", e.ErrorCode);
        Assert.Equal(TimeSpan.FromSeconds(7), e.RetryAfter);
        Assert.True(e.IsRetryable);
    }

    [Fact]
    public async Task Blocked_user_is_not_retryable()
    {
        _connector.FailNext(403, "ConversationBlockedByUser");

        var e = await Assert.ThrowsAsync<ConnectorException>(() => _client.SendToConversationAsync(_connector.ServiceUrl, Conversation, new Activity { Type = "message", Text = "x" }));

        Assert.Equal("ConversationBlockedByUser", e.ErrorCode);
        Assert.False(e.IsRetryable);
    }
}
