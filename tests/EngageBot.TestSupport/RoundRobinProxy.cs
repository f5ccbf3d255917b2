using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace EngageBot.TestSupport;

/// <summary>
/// A load balancer on loopback (real Kestrel): each request goes to the next backend in turn, byte for byte (a signed
/// Slack request must arrive as signed). Every answer names the backend that served it in <see cref="BackendHeader"/>,
/// so a test can tell which instance got what.
/// </summary>
public sealed class RoundRobinProxy : IAsyncDisposable
{
    public const string BackendHeader = "X-Proxy-Backend";

    // Hop-by-hop headers (RFC 9110 §7.6.1) belong to one connection and are not forwarded; Host is the backend's.
    private static readonly HashSet<string> NotForwarded = new(StringComparer.OrdinalIgnoreCase)
    {
        "Connection", "Keep-Alive", "Proxy-Connection", "TE", "Trailer", "Transfer-Encoding", "Upgrade", "Host",
    };

    private readonly WebApplication _app;
    private readonly Uri[] _backends;
    private readonly HttpClient _http = new(new SocketsHttpHandler { UseProxy = false, AllowAutoRedirect = false, UseCookies = false })
    {
        Timeout = TimeSpan.FromSeconds(100),
    };
    private long _next = -1;

    private RoundRobinProxy(WebApplication app, int port, Uri[] backends)
    {
        _app = app;
        _backends = backends;
        BaseUrl = new Uri($"http://127.0.0.1:{port}/");
    }

    public Uri BaseUrl { get; }

    public static async Task<RoundRobinProxy> StartAsync(IEnumerable<Uri> backends)
    {
        var port = FreePort.Next();
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrel(k => k.Listen(IPAddress.Loopback, port));
        var app = builder.Build();
        var proxy = new RoundRobinProxy(app, port, [.. backends]);
        app.Run(proxy.ForwardAsync);
        await app.StartAsync();
        return proxy;
    }

    private async Task ForwardAsync(HttpContext context)
    {
        var index = (int)(Interlocked.Increment(ref _next) % _backends.Length);
        using var request = new HttpRequestMessage(new HttpMethod(context.Request.Method),
            new Uri(_backends[index], context.Request.Path + context.Request.QueryString));
        if (context.Request.ContentLength is > 0 || context.Request.Headers.TransferEncoding.Count > 0)
            request.Content = new StreamContent(context.Request.Body);
        foreach (var (name, values) in context.Request.Headers)
        {
            if (NotForwarded.Contains(name)) continue;
            if (!request.Headers.TryAddWithoutValidation(name, values.ToArray()))
                request.Content?.Headers.TryAddWithoutValidation(name, values.ToArray());
        }

        context.Response.Headers[BackendHeader] = index.ToString(System.Globalization.CultureInfo.InvariantCulture);
        HttpResponseMessage response;
        try
        {
            response = await _http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, context.RequestAborted);
        }
        catch (HttpRequestException)
        {
            context.Response.StatusCode = StatusCodes.Status502BadGateway;
            return;
        }
        using (response)
        {
            context.Response.StatusCode = (int)response.StatusCode;
            foreach (var (name, values) in response.Headers.Concat(response.Content.Headers))
                if (!NotForwarded.Contains(name)) context.Response.Headers[name] = values.ToArray();
            await response.Content.CopyToAsync(context.Response.Body, context.RequestAborted);
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
        _http.Dispose();
    }
}
