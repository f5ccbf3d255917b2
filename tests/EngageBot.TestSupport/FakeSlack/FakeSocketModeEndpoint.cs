using System.Net.WebSockets;
using System.Text;
using System.Text.Json.Nodes;
using System.Threading.Channels;
using Microsoft.AspNetCore.Http;

namespace EngageBot.TestSupport.FakeSlack;

/// <summary>
/// Slack's side of Socket Mode: greets each connection with <c>hello</c>, sends the envelopes a test pushes, and
/// collects the acks the client sends back. <see cref="DisconnectAsync"/> asks the client to reconnect, as Slack does.
/// </summary>
public sealed class FakeSocketModeEndpoint : IDisposable
{
    private readonly Channel<JsonObject> _outgoing = Channel.CreateUnbounded<JsonObject>();
    private readonly Channel<JsonObject> _acks = Channel.CreateUnbounded<JsonObject>();
    private readonly CancellationTokenSource _stopping = new();
    private int _connections;

    public int Connections => _connections;

    public ValueTask SendAsync(JsonObject frame) => _outgoing.Writer.WriteAsync(frame);

    public ValueTask DisconnectAsync() => SendAsync(new JsonObject { ["type"] = "disconnect", ["reason"] = "refresh_requested" });

    public async Task<JsonObject> NextAckAsync(TimeSpan? timeout = null)
    {
        using var cts = new CancellationTokenSource(timeout ?? TimeSpan.FromSeconds(10));
        return await _acks.Reader.ReadAsync(cts.Token);
    }

    public async Task AcceptAsync(HttpContext context)
    {
        if (!context.WebSockets.IsWebSocketRequest) { context.Response.StatusCode = 400; return; }
        using var socket = await context.WebSockets.AcceptWebSocketAsync();
        Interlocked.Increment(ref _connections);
        await SendFrameAsync(socket, new JsonObject { ["type"] = "hello", ["num_connections"] = 1 });
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(_stopping.Token, context.RequestAborted);
        var receiving = ReceiveAcksAsync(socket, linked.Token);
        try
        {
            while (socket.State == WebSocketState.Open)
            {
                var next = _outgoing.Reader.ReadAsync(linked.Token).AsTask();
                if (await Task.WhenAny(next, receiving) == receiving) return;
                var frame = await next;
                await SendFrameAsync(socket, frame);
                if ((string?)frame["type"] == "disconnect") { await receiving; return; }
            }
        }
        catch (OperationCanceledException) { }
        catch (WebSocketException) { }
    }

    private async Task ReceiveAcksAsync(WebSocket socket, CancellationToken cancellationToken)
    {
        var buffer = new byte[64 * 1024];
        try
        {
            while (socket.State == WebSocketState.Open)
            {
                var result = await socket.ReceiveAsync(buffer, cancellationToken);
                if (result.MessageType == WebSocketMessageType.Close)
                {
                    await socket.CloseOutputAsync(WebSocketCloseStatus.NormalClosure, null, CancellationToken.None);
                    return;
                }
                if (JsonNode.Parse(Encoding.UTF8.GetString(buffer, 0, result.Count)) is JsonObject ack)
                    await _acks.Writer.WriteAsync(ack, cancellationToken);
            }
        }
        catch (OperationCanceledException) { }
        catch (WebSocketException) { }
    }

    private static Task SendFrameAsync(WebSocket socket, JsonObject frame) =>
        socket.SendAsync(Encoding.UTF8.GetBytes(frame.ToJsonString()), WebSocketMessageType.Text, true, CancellationToken.None);

    public void Dispose()
    {
        _stopping.Cancel();
        _stopping.Dispose();
    }
}
