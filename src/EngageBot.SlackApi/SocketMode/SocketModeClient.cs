using System.Net.WebSockets;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using EngageBot.SlackApi.WebApi;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace EngageBot.SlackApi.SocketMode;

/// <summary>
/// Slack Socket Mode over <see cref="ClientWebSocket"/>: asks apps.connections.open for a URL (app-level token in the
/// Authorization header), connects, hands each envelope to the handler and acks it with the handler's optional payload.
/// Reconnects with a fresh URL on <c>disconnect</c>, on close and after failures (with backoff), until cancelled.
/// The handler decides when an envelope is safe: ack only after it returns, so accept durably before returning.
/// </summary>
public sealed class SocketModeClient(SlackApiClient api, string appToken, ILogger<SocketModeClient>? logger = null)
{
    private static readonly TimeSpan MaxBackoff = TimeSpan.FromSeconds(30);
    private readonly ILogger _logger = logger ?? NullLogger<SocketModeClient>.Instance;

    /// <summary>Number of <c>hello</c> frames received: each marks a connection ready to receive envelopes.</summary>
    public int ConnectionsReady => _connectionsReady;
    private int _connectionsReady;

    public async Task RunAsync(Func<SocketModeEnvelope, CancellationToken, Task<JsonNode?>> handler, CancellationToken cancellationToken)
    {
        var backoff = TimeSpan.FromSeconds(1);
        while (!cancellationToken.IsCancellationRequested)
        {
            try
            {
                var opened = await api.AppsConnectionsOpenAsync(appToken, cancellationToken).ConfigureAwait(false);
                if (opened.Url is not { Length: > 0 } url) throw new SlackApiException("apps.connections.open", "no_url");
                await RunConnectionAsync(new Uri(url), handler, cancellationToken).ConfigureAwait(false);
                backoff = TimeSpan.FromSeconds(1);
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e) when (e is WebSocketException or HttpRequestException or SlackApiException or JsonException)
            {
                var wait = e is SlackRateLimitedException limited ? limited.RetryAfter : backoff;
                _logger.LogWarning("Socket Mode connection failed ({Error}); reconnecting in {Delay}", e.Message, wait);
                try { await Task.Delay(wait, cancellationToken).ConfigureAwait(false); } catch (OperationCanceledException) { return; }
                backoff = TimeSpan.FromTicks(Math.Min(MaxBackoff.Ticks, backoff.Ticks * 2));
            }
        }
    }

    private async Task RunConnectionAsync(Uri url, Func<SocketModeEnvelope, CancellationToken, Task<JsonNode?>> handler, CancellationToken cancellationToken)
    {
        using var socket = new ClientWebSocket();
        await socket.ConnectAsync(url, cancellationToken).ConfigureAwait(false);
        while (socket.State == WebSocketState.Open)
        {
            var text = await ReceiveTextAsync(socket, cancellationToken).ConfigureAwait(false);
            if (text is null) break;
            var envelope = JsonSerializer.Deserialize<SocketModeEnvelope>(text, SlackJson.Options);
            if (envelope is null) continue;
            switch (envelope.Type)
            {
                case SocketModeEnvelope.Hello:
                    Interlocked.Increment(ref _connectionsReady);
                    continue;
                case SocketModeEnvelope.Disconnect:
                    _logger.LogInformation("Socket Mode disconnect requested ({Reason}); reconnecting", envelope.Reason);
                    await CloseQuietlyAsync(socket).ConfigureAwait(false);
                    return;
            }
            if (envelope.EnvelopeId is not { } id) continue;
            JsonNode? response;
            try
            {
                response = await handler(envelope, cancellationToken).ConfigureAwait(false);
            }
            catch (Exception e) when (e is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
            {
                // Not acked, so Slack delivers it again: nothing is lost when the handler could not store it.
                _logger.LogError(e, "Socket Mode envelope {EnvelopeId} ({Type}) failed; left unacked for redelivery", id, envelope.Type);
                continue;
            }
            var ack = new JsonObject { ["envelope_id"] = id };
            if (response is not null) ack["payload"] = response;
            await socket.SendAsync(Encoding.UTF8.GetBytes(ack.ToJsonString()), WebSocketMessageType.Text, true, cancellationToken).ConfigureAwait(false);
        }
    }

    private static async Task<string?> ReceiveTextAsync(ClientWebSocket socket, CancellationToken cancellationToken)
    {
        var buffer = new byte[16 * 1024];
        using var message = new MemoryStream();
        while (true)
        {
            var result = await socket.ReceiveAsync(buffer, cancellationToken).ConfigureAwait(false);
            if (result.MessageType == WebSocketMessageType.Close)
            {
                await CloseQuietlyAsync(socket).ConfigureAwait(false);
                return null;
            }
            message.Write(buffer, 0, result.Count);
            if (result.EndOfMessage) return Encoding.UTF8.GetString(message.GetBuffer(), 0, (int)message.Length);
        }
    }

    private static async Task CloseQuietlyAsync(ClientWebSocket socket)
    {
        try
        {
            if (socket.State is WebSocketState.Open or WebSocketState.CloseReceived)
                await socket.CloseOutputAsync(WebSocketCloseStatus.NormalClosure, null, CancellationToken.None).ConfigureAwait(false);
        }
        catch (WebSocketException) { }
    }
}
