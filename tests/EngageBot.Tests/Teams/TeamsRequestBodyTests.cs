using System.Net;
using System.Net.Http.Headers;
using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.TestHost;

namespace EngageBot.Tests.Teams;

/// <summary>
/// Issue 20 item 10: POST /api/messages authenticates the JWT from the header before it reads the body, and then
/// reads at most 1 MiB. The host's request body is metered (how many bytes the endpoint took from it); bodies are
/// sent chunked, with no Content-Length to refuse them by.
/// </summary>
public sealed class TeamsRequestBodyTests(TeamsEnvironment env) : IClassFixture<TeamsEnvironment>
{
    private const int Mebibyte = 1024 * 1024;

    [Theory]
    [InlineData(null)]
    [InlineData("not-a-jwt")]
    public async Task An_oversized_body_with_a_bad_token_is_refused_without_being_read(string? token)
    {
        var meter = new BodyMeter();
        await using var host = Metered(meter);

        var response = await SendChunkedAsync(host.CreateClient(), Body("oversized-bad-token", 8 * Mebibyte), token);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal(0, meter.BytesRead);
    }

    [Fact]
    public async Task An_authenticated_body_past_one_mebibyte_is_refused_after_reading_no_more_than_the_cap()
    {
        var meter = new BodyMeter();
        await using var host = Metered(meter);

        var response = await SendChunkedAsync(host.CreateClient(), Body("oversized-1", 8 * Mebibyte), env.Authority.MintToken(TeamsHost.AppId, env.ServiceUrl));

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.InRange(meter.BytesRead, Mebibyte, Mebibyte + 64 * 1024);
        Assert.DoesNotContain(env.Host.Inbox.Accepted, e => e.DedupKey.Contains("oversized", StringComparison.Ordinal));
    }

    private Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactory<Program> Metered(BodyMeter meter) =>
        env.Host.WithWebHostBuilder(b => b.ConfigureTestServices(s => s.AddSingleton<IStartupFilter>(meter)));

    private static byte[] Body(string id, int padding) =>
        Encoding.UTF8.GetBytes($$"""{"type":"message","id":"{{id}}","text":"{{new string('a', padding)}}"}""");

    private static async Task<HttpResponseMessage> SendChunkedAsync(HttpClient client, byte[] body, string? token)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/messages") { Content = new StreamContent(new CountingStream(new MemoryStream(body))) };
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        request.Headers.TransferEncodingChunked = true;
        if (token is not null) request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return await client.SendAsync(request);
    }

    /// <summary>Counts what the app reads from each request body.</summary>
    private sealed class BodyMeter : IStartupFilter
    {
        private CountingStream? _last;

        public long BytesRead => _last?.BytesRead ?? -1;

        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
        {
            app.Use(async (context, rest) =>
            {
                context.Request.Body = _last = new CountingStream(context.Request.Body);
                await rest(context);
            });
            next(app);
        };
    }

    /// <summary>A read-only, non-seekable view of a stream that counts the bytes read through it.</summary>
    private sealed class CountingStream(Stream inner) : Stream
    {
        private long _read;

        public long BytesRead => Interlocked.Read(ref _read);

        public override int Read(byte[] buffer, int offset, int count) => Count(inner.Read(buffer, offset, count));

        public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default) =>
            Count(await inner.ReadAsync(buffer, cancellationToken));

        public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
            ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

        private int Count(int n)
        {
            Interlocked.Add(ref _read, n);
            return n;
        }

        public override bool CanRead => true;
        public override bool CanSeek => false;
        public override bool CanWrite => false;
        public override long Length => throw new NotSupportedException();
        public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }
        public override void Flush() { }
        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();
        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }
}
