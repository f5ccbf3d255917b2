using System.Collections.Concurrent;
using System.Net;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace EngageBot.TestSupport.FakeSlack;

/// <summary>
/// Slack's Web API on loopback (real Kestrel): records every call and answers like Slack (ok:true with plausible
/// fields), or with what a test scripted: ok:false errors and 429 with Retry-After. Also hosts a Socket Mode
/// WebSocket (<see cref="Socket"/>) whose URL apps.connections.open returns, and response_urls (<see cref="ResponseUrl"/>),
/// recorded as calls to the method "response_url:{id}". File uploads follow Slack's external flow:
/// files.getUploadURLExternal hands out a file id and an upload URL on this server, where the bytes are POSTed
/// (recorded as calls to <see cref="UploadMethod"/>, scriptable like a method), and files.completeUploadExternal
/// completes them (<see cref="CompletedFiles"/>).
/// </summary>
public sealed class FakeSlackServer : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly ConcurrentQueue<RecordedSlackCall> _calls = new();
    private readonly ConcurrentDictionary<string, ConcurrentQueue<ScriptedReply>> _scripted = new();
    private readonly ConcurrentDictionary<string, JsonObject> _users = new();
    private readonly ConcurrentDictionary<string, byte[]> _uploadedBytes = new();
    private readonly ConcurrentQueue<string> _completed = new();
    private int _ts = 1000;
    private int _fileIds;

    /// <summary>The pseudo-method name for POSTs of file bytes to an upload URL (for <see cref="CallsTo"/> and scripting).</summary>
    public const string UploadMethod = "upload";

    private FakeSlackServer(WebApplication app, int port)
    {
        _app = app;
        BaseUrl = new Uri($"http://127.0.0.1:{port}/api/");
        Socket = new FakeSocketModeEndpoint();
    }

    public Uri BaseUrl { get; }

    public FakeSocketModeEndpoint Socket { get; }

    /// <summary>A response_url on this server, as Slack puts in slash commands and shortcuts; answers land in <c>CallsTo("response_url:" + id)</c>.</summary>
    public string ResponseUrl(string id) => $"http://{BaseUrl.Authority}/hooks/{id}";

    public IReadOnlyList<RecordedSlackCall> Calls => _calls.ToArray();

    /// <summary>The workspace auth.test names for the bot token.</summary>
    public string AuthTeamId { get; set; } = "T0FAKETEAM";

    /// <summary>The bot user auth.test names for the bot token.</summary>
    public string AuthBotUserId { get; set; } = "U0FAKEBOT";

    public IReadOnlyList<RecordedSlackCall> CallsTo(string method) => _calls.Where(c => c.Method == method).ToArray();

    /// <summary>File ids files.completeUploadExternal completed, once per successful call naming them (a repeat shows up twice).</summary>
    public IReadOnlyList<string> CompletedFiles => _completed.ToArray();

    /// <summary>The bytes POSTed to a file's upload URL (the last ones, if POSTed again); null if none were.</summary>
    public byte[]? UploadedBytes(string fileId) => _uploadedBytes.TryGetValue(fileId, out var bytes) ? bytes : null;

    public static async Task<FakeSlackServer> StartAsync()
    {
        var port = FreePort.Next();
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrel(k => k.Listen(IPAddress.Loopback, port));
        var app = builder.Build();
        var server = new FakeSlackServer(app, port);
        app.UseWebSockets();
        app.Map("/socket", server.Socket.AcceptAsync);
        app.MapPost("/api/{method}", server.HandleAsync);
        app.MapPost("/hooks/{id}", (string id, HttpRequest request) => server.HandleAsync($"response_url:{id}", request));
        app.MapPost("/upload/{fileId}", server.HandleUploadAsync);
        await app.StartAsync();
        return server;
    }

    /// <summary>The next call to <paramref name="method"/> fails with Slack's <c>ok:false</c> and this error code.</summary>
    public void FailNext(string method, string error) =>
        Script(method, new(HttpStatusCode.OK, new JsonObject { ["ok"] = false, ["error"] = error }, null));

    /// <summary>The next call to <paramref name="method"/> gets HTTP 429 with Retry-After.</summary>
    public void RateLimitNext(string method, int retryAfterSeconds) =>
        Script(method, new(HttpStatusCode.TooManyRequests, null, retryAfterSeconds));

    /// <summary>The next call to <paramref name="method"/> gets this HTTP status with no Slack body (e.g. 503).</summary>
    public void StatusNext(string method, HttpStatusCode status) => Script(method, new(status, null, null));

    /// <summary>
    /// The next call to <paramref name="method"/> gets this body as it is (an HTML error page, malformed or mistyped
    /// JSON): what a proxy or a Slack incident can put in front of the client.
    /// </summary>
    public void RawNext(string method, string body, string contentType = "application/json", HttpStatusCode status = HttpStatusCode.OK) =>
        Script(method, new(status, null, null, new RawBody(body, contentType)));

    /// <summary>
    /// users.info answers for this user: <c>{"id":…,"team_id":…,"is_stranger":…,"is_restricted":…,"is_ultra_restricted":…}</c>.
    /// A guest of the workspace (how partners are invited without Slack Connect) has our team id and is_restricted
    /// (multi-channel) or is_ultra_restricted (single-channel) set.
    /// </summary>
    public void AddUser(string userId, string teamId, bool isBot = false, bool isStranger = false, string? name = null,
        bool isRestricted = false, bool isUltraRestricted = false) =>
        _users[userId] = new JsonObject
        {
            ["id"] = userId, ["team_id"] = teamId, ["name"] = name ?? userId, ["real_name"] = name ?? userId,
            ["is_bot"] = isBot, ["is_stranger"] = isStranger, ["is_restricted"] = isRestricted || isUltraRestricted,
            ["is_ultra_restricted"] = isUltraRestricted,
        };

    /// <summary>The next call to <paramref name="method"/> gets its usual answer: lets a script fail the second call, not the first.</summary>
    public void PassNext(string method) => Script(method, new(HttpStatusCode.OK, null, null, PassThrough: true));

    private void Script(string method, ScriptedReply reply) => _scripted.GetOrAdd(method, _ => new()).Enqueue(reply);

    private async Task<IResult> HandleAsync(string method, HttpRequest request)
    {
        using var reader = new StreamReader(request.Body);
        var body = await reader.ReadToEndAsync();
        var call = new RecordedSlackCall(method, request.Headers.Authorization.ToString() is { Length: > 0 } a ? a : null, request.ContentType, body);
        _calls.Enqueue(call);

        return Scripted(method) ?? Results.Json(DefaultReply(call));
    }

    private IResult? Scripted(string method)
    {
        if (!_scripted.TryGetValue(method, out var queue) || !queue.TryDequeue(out var scripted) || scripted.PassThrough)
            return null;
        if (scripted.RetryAfterSeconds is { } seconds)
            return new RetryAfterResult(seconds);
        if (scripted.Raw is { } raw)
            return Results.Content(raw.Body, raw.ContentType, System.Text.Encoding.UTF8, (int)scripted.Status);
        return scripted.Body is null ? Results.StatusCode((int)scripted.Status) : Results.Json(scripted.Body, statusCode: (int)scripted.Status);
    }

    /// <summary>Slack's upload URL: takes the bytes (raw or multipart) and answers 200 with a plain "OK".</summary>
    private async Task<IResult> HandleUploadAsync(string fileId, HttpRequest request)
    {
        using var buffer = new MemoryStream();
        await request.Body.CopyToAsync(buffer);
        var bytes = buffer.ToArray();
        _calls.Enqueue(new RecordedSlackCall(UploadMethod, request.Headers.Authorization.ToString() is { Length: > 0 } a ? a : null, request.ContentType,
            $"file={fileId}&length={bytes.Length}"));
        if (Scripted(UploadMethod) is { } scripted)
            return scripted;
        _uploadedBytes[fileId] = bytes;
        return Results.Text("OK - " + bytes.Length);
    }

    private JsonObject CompleteUpload(RecordedSlackCall call)
    {
        var files = JsonNode.Parse(call.Field("files") ?? "[]")!.AsArray();
        var completed = new JsonArray();
        foreach (var file in files)
        {
            var id = (string?)file?["id"] ?? "";
            if (!_uploadedBytes.ContainsKey(id))
                return new() { ["ok"] = false, ["error"] = "file_not_found" };
            completed.Add(new JsonObject { ["id"] = id, ["title"] = (string?)file?["title"] });
        }
        foreach (var file in completed)
            _completed.Enqueue((string)file!["id"]!);
        return new() { ["ok"] = true, ["files"] = completed };
    }

    private JsonObject DefaultReply(RecordedSlackCall call)
    {
        var ts = () => $"{Interlocked.Increment(ref _ts)}.000100";
        return call.Method switch
        {
            "chat.postMessage" => new() { ["ok"] = true, ["channel"] = call.Field("channel"), ["ts"] = ts() },
            "chat.update" => new() { ["ok"] = true, ["channel"] = call.Field("channel"), ["ts"] = call.Field("ts") },
            "chat.postEphemeral" => new() { ["ok"] = true, ["message_ts"] = ts() },
            "conversations.open" => new() { ["ok"] = true, ["channel"] = new JsonObject { ["id"] = "D" + call.Field("users")?.Split(',')[0] } },
            "conversations.info" => new() { ["ok"] = true, ["channel"] = new JsonObject { ["id"] = call.Field("channel"), ["name"] = "partner-acme" } },
            "users.info" => call.Field("user") is { } u && _users.TryGetValue(u, out var user)
                ? new() { ["ok"] = true, ["user"] = user.DeepClone() }
                : new() { ["ok"] = false, ["error"] = "user_not_found" },
            "files.getUploadURLExternal" => UploadUrl(),
            "files.completeUploadExternal" => CompleteUpload(call),
            "views.open" => new() { ["ok"] = true, ["view"] = new JsonObject { ["id"] = "V" + ts() } },
            "auth.test" => new() { ["ok"] = true, ["team_id"] = AuthTeamId, ["team"] = "Our Workspace", ["user_id"] = AuthBotUserId, ["bot_id"] = "B0FAKEBOT" },
            "apps.connections.open" => new() { ["ok"] = true, ["url"] = $"ws://{BaseUrl.Authority}/socket" },
            _ => new() { ["ok"] = true },
        };
    }

    private JsonObject UploadUrl()
    {
        var fileId = $"F0FAKE{Interlocked.Increment(ref _fileIds):D5}";
        return new() { ["ok"] = true, ["upload_url"] = $"http://{BaseUrl.Authority}/upload/{fileId}", ["file_id"] = fileId };
    }

    public async ValueTask DisposeAsync()
    {
        Socket.Dispose();
        await _app.StopAsync();
        await _app.DisposeAsync();
    }

    private sealed record ScriptedReply(HttpStatusCode Status, JsonObject? Body, int? RetryAfterSeconds, RawBody? Raw = null, bool PassThrough = false);

    private sealed record RawBody(string Body, string ContentType);

    private sealed class RetryAfterResult(int seconds) : IResult
    {
        public Task ExecuteAsync(HttpContext httpContext)
        {
            httpContext.Response.StatusCode = StatusCodes.Status429TooManyRequests;
            httpContext.Response.Headers.RetryAfter = seconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
            return Task.CompletedTask;
        }
    }
}
