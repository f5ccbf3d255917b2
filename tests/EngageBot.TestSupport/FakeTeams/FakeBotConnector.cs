using System.Collections.Concurrent;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;

namespace EngageBot.TestSupport.FakeTeams;

/// <summary>
/// The Bot Connector REST API and the Entra token endpoint on one loopback server. Use BaseAddress as the activities'
/// serviceUrl and as the token endpoint override. Records every Connector request with its raw (still escaped) path;
/// answers {"id"} by default, or a scripted failure with Teams' error body and Retry-After.
/// </summary>
public sealed class FakeBotConnector : LoopbackServer
{
    private readonly ConcurrentQueue<ConnectorRequest> _requests = new();
    private readonly ConcurrentQueue<TokenRequest> _tokenRequests = new();
    private readonly ConcurrentQueue<ScriptedFailure> _failures = new();
    private readonly ConcurrentDictionary<string, JsonObject> _members = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, ScriptedFailure> _blockedChannels = new(StringComparer.Ordinal);
    private int _nextId;
    private int _issuedTokens;

    private FakeBotConnector() { }

    public string ServiceUrl => BaseAddress.ToString();

    public IReadOnlyList<ConnectorRequest> Requests => [.. _requests];

    public IReadOnlyList<TokenRequest> TokenRequests => [.. _tokenRequests];

    /// <summary>The last access token the fake token endpoint issued.</summary>
    public string? LastIssuedToken { get; private set; }

    public static async Task<FakeBotConnector> StartAsync()
    {
        var connector = new FakeBotConnector();
        await connector.StartServerAsync();
        return connector;
    }

    /// <summary>Forgets recorded Connector requests and pending failures (tokens stay cached by clients, so token requests are kept).</summary>
    public void Reset()
    {
        _requests.Clear();
        _failures.Clear();
    }

    /// <summary>
    /// A member the get-member call returns, shaped like Teams' TeamsChannelAccount. Get-member for anyone else
    /// answers 404 MemberNotFoundInConversation, as Teams does.
    /// </summary>
    public void AddMember(string userId, string userRole, string tenantId, string? aadObjectId = null) =>
        _members[userId] = new JsonObject
        {
            ["id"] = userId, ["name"] = userId, ["aadObjectId"] = aadObjectId, ["userPrincipalName"] = $"{userId}@example.test",
            ["tenantId"] = tenantId, ["userRole"] = userRole,
        };

    /// <summary>The next Connector call fails with this status, Teams error code and optional Retry-After seconds.</summary>
    public void FailNext(int status, string code, int? retryAfterSeconds = null) => _failures.Enqueue(new(status, code, retryAfterSeconds));

    /// <summary>
    /// Every call for this channel (creating a conversation in it, or any path naming it) fails as when the bot is not
    /// in its team, until <see cref="Unblock"/>.
    /// </summary>
    public void Block(string channelId, int status = 403, string code = "BotNotInConversationRoster") => _blockedChannels[channelId] = new(status, code, null);

    public void Unblock(string channelId) => _blockedChannels.TryRemove(channelId, out _);

    protected override void Map(WebApplication app)
    {
        app.MapPost("/{tenant}/oauth2/v2.0/token", async (HttpContext http, string tenant) =>
        {
            var form = await http.Request.ReadFormAsync();
            _tokenRequests.Enqueue(new TokenRequest(tenant, form.ToDictionary(f => f.Key, f => f.Value.ToString())));
            var token = $"fake-bot-token-{Interlocked.Increment(ref _issuedTokens)}";
            LastIssuedToken = token;
            return Results.Json(new JsonObject { ["token_type"] = "Bearer", ["expires_in"] = 3600, ["ext_expires_in"] = 3600, ["access_token"] = token });
        });
        app.Map("/v3/{**rest}", async (HttpContext http) =>
        {
            var raw = http.Features.GetRequiredFeature<IHttpRequestFeature>().RawTarget;
            JsonNode? body = null;
            if (http.Request.ContentLength is > 0 || http.Request.Headers.ContentType.Count > 0)
                body = await JsonNode.ParseAsync(http.Request.Body);
            _requests.Enqueue(new ConnectorRequest(http.Request.Method, raw, http.Request.Headers.Authorization.ToString(), body));
            var failure = Blocked(raw, body);
            if (failure is not null || _failures.TryDequeue(out failure))
            {
                if (failure.RetryAfterSeconds is { } seconds)
                    http.Response.Headers.RetryAfter = seconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
                return Results.Json(new JsonObject { ["error"] = new JsonObject { ["code"] = failure.Code, ["message"] = $"scripted {failure.Code}" } },
                    statusCode: failure.Status);
            }
            var id = Interlocked.Increment(ref _nextId);
            if (http.Request.Method == "DELETE")
                return Results.Ok();
            if (http.Request.Method == "POST" && raw.TrimEnd('/') == "/v3/conversations")
                return body?["channelData"]?["channel"]?["id"]?.GetValue<string>() is { } channel
                    // A new thread in a channel (TeamsInfo.SendMessageToTeamsChannelAsync): the thread's id and its first post's.
                    ? Results.Json(new JsonObject { ["id"] = $"{channel};messageid=activity-{id}", ["activityId"] = $"activity-{id}" })
                    : Results.Json(new JsonObject { ["id"] = $"a:fake-personal-{id}", ["activityId"] = null });
            if (http.Request.Method == "GET" && MemberId(raw) is { } memberId)
                return _members.TryGetValue(memberId, out var member)
                    ? Results.Json(member)
                    : Results.Json(new JsonObject { ["error"] = new JsonObject { ["code"] = "MemberNotFoundInConversation", ["message"] = "Member not found" } }, statusCode: 404);
            if (raw.Contains("/pagedmembers", StringComparison.Ordinal))
                return Results.Json(new JsonObject
                {
                    ["continuationToken"] = null,
                    ["members"] = new JsonArray(new JsonObject { ["id"] = "29:member", ["name"] = "Member", ["aadObjectId"] = "00000000-0000-0000-0000-00000000000a", ["tenantId"] = "tenant" }),
                });
            return Results.Json(new JsonObject { ["id"] = $"activity-{id}" });
        });
    }

    private ScriptedFailure? Blocked(string raw, JsonNode? body)
    {
        var target = body?["channelData"]?["channel"]?["id"]?.GetValue<string>();
        return _blockedChannels.FirstOrDefault(b => b.Key == target || raw.Contains(Uri.EscapeDataString(b.Key), StringComparison.Ordinal)).Value;
    }

    // "/v3/conversations/{id}/members/{userId}" → the unescaped user id.
    private static string? MemberId(string raw)
    {
        var at = raw.IndexOf("/members/", StringComparison.Ordinal);
        return at < 0 ? null : Uri.UnescapeDataString(raw[(at + "/members/".Length)..]);
    }

    private sealed record ScriptedFailure(int Status, string Code, int? RetryAfterSeconds);
}

/// <summary>One Connector call as it arrived: method, raw path and query (ids still escaped), Authorization header, JSON body.</summary>
public sealed record ConnectorRequest(string Method, string RawTarget, string Authorization, JsonNode? Body);

/// <summary>One client-credentials request to the fake token endpoint (form fields, secret included, for assertions only).</summary>
public sealed record TokenRequest(string Tenant, IReadOnlyDictionary<string, string> Form);
