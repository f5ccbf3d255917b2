using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Text.Json.Nodes;
using EngageBot.TestSupport;

namespace EngageBot.Benchmarks.OutboxPacing;

/// <summary>
/// Slack's chat.postMessage on loopback with its per-channel limit: a token bucket per channel (rate, burst); over it,
/// 429 with a whole-second Retry-After as Slack sends. Counts accepted posts by the client's marker (the text).
/// </summary>
internal sealed class RateLimitedSlackServer : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly ConcurrentDictionary<string, Bucket> _buckets = new();
    private readonly double _perSecond;
    private readonly int _burst;
    private int _ts;
    private int _rateLimited;

    private RateLimitedSlackServer(double perSecond, int burst)
    {
        _perSecond = perSecond;
        _burst = burst;
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrel(k => k.Listen(IPAddress.Loopback, FreePort.Next()));
        _app = builder.Build();
        _app.MapPost("/api/chat.postMessage", (Func<HttpContext, Task<IResult>>)PostMessageAsync);
    }

    public ConcurrentDictionary<string, int> DeliveriesByText { get; } = new();

    /// <summary>When each accepted post arrived (Stopwatch timestamps), by channel: shows when sending started and how posts were spaced.</summary>
    public ConcurrentDictionary<string, ConcurrentQueue<long>> DeliveryTimes { get; } = new();

    public int RateLimited => Volatile.Read(ref _rateLimited);

    public Uri BaseUrl => new(_app.Urls.First().TrimEnd('/') + "/api/");

    public static async Task<RateLimitedSlackServer> StartAsync(double perSecond, int burst)
    {
        var server = new RateLimitedSlackServer(perSecond, burst);
        await server._app.StartAsync();
        return server;
    }

    private async Task<IResult> PostMessageAsync(HttpContext http)
    {
        var body = await JsonNode.ParseAsync(http.Request.Body) as JsonObject;
        var channel = (string?)body?["channel"] ?? "";
        if (_perSecond > 0 && !TryTake(channel, out var retryAfter))
        {
            Interlocked.Increment(ref _rateLimited);
            http.Response.Headers.RetryAfter = retryAfter.ToString(CultureInfo.InvariantCulture);
            return Results.StatusCode(StatusCodes.Status429TooManyRequests);
        }
        DeliveriesByText.AddOrUpdate((string?)body?["text"] ?? "", 1, (_, n) => n + 1);
        DeliveryTimes.GetOrAdd(channel, _ => new ConcurrentQueue<long>()).Enqueue(Stopwatch.GetTimestamp());
        var ts = $"1793610000.{Interlocked.Increment(ref _ts):D6}";
        return Results.Json(new JsonObject { ["ok"] = true, ["channel"] = channel, ["ts"] = ts });
    }

    private bool TryTake(string channel, out int retryAfterSeconds)
    {
        var bucket = _buckets.GetOrAdd(channel, _ => new Bucket(_burst, TimeProvider.System.GetTimestamp()));
        lock (bucket)
        {
            var now = TimeProvider.System.GetTimestamp();
            bucket.Tokens = Math.Min(_burst, bucket.Tokens + TimeProvider.System.GetElapsedTime(bucket.At, now).TotalSeconds * _perSecond);
            bucket.At = now;
            retryAfterSeconds = (int)Math.Ceiling((1 - bucket.Tokens) / _perSecond);
            if (bucket.Tokens < 1) return false;
            bucket.Tokens -= 1;
            return true;
        }
    }

    public async ValueTask DisposeAsync() => await _app.DisposeAsync();

    private sealed class Bucket(double tokens, long at)
    {
        public double Tokens { get; set; } = tokens;
        public long At { get; set; } = at;
    }
}
