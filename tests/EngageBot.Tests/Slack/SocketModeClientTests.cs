using System.Text.Json.Nodes;
using EngageBot.SlackApi.SocketMode;
using EngageBot.SlackApi.WebApi;
using EngageBot.TestSupport.FakeSlack;

namespace EngageBot.Tests.Slack;

public sealed class SocketModeClientTests : IAsyncLifetime
{
    private FakeSlackServer _slack = null!;
    private readonly HttpClient _http = new();
    private readonly CancellationTokenSource _stop = new();

    public async Task InitializeAsync() => _slack = await FakeSlackServer.StartAsync();

    public async Task DisposeAsync()
    {
        await _stop.CancelAsync();
        _http.Dispose();
        await _slack.DisposeAsync();
    }

    private (SocketModeClient Client, Task Running, List<SocketModeEnvelope> Seen) Start(Func<SocketModeEnvelope, JsonNode?>? respond = null)
    {
        var api = new SlackApiClient(_http, new SlackApiClientOptions { BaseUrl = _slack.BaseUrl, BotToken = "xoxb-not-this-one" });
        var client = new SocketModeClient(api, "xapp-1-app-token");
        var seen = new List<SocketModeEnvelope>();
        var running = client.RunAsync((envelope, _) =>
        {
            lock (seen) seen.Add(envelope);
            return Task.FromResult(respond?.Invoke(envelope));
        }, _stop.Token);
        return (client, running, seen);
    }

    private static JsonObject EventsEnvelope(string id) => new()
    {
        ["envelope_id"] = id,
        ["type"] = "events_api",
        ["accepts_response_payload"] = false,
        ["retry_attempt"] = 0,
        ["retry_reason"] = "",
        ["payload"] = JsonNode.Parse(SlackPayloads.Envelope(SlackPayloads.Message("1.1", "hi"), "Ev-sock-" + id)),
    };

    private static async Task Until(Func<bool> condition)
    {
        for (var i = 0; i < 200 && !condition(); i++) await Task.Delay(25);
        Assert.True(condition());
    }

    [Fact]
    public async Task Connects_with_the_app_token_and_acks_each_envelope_by_id()
    {
        var (client, _, seen) = Start();
        await Until(() => client.ConnectionsReady == 1);

        await _slack.Socket.SendAsync(EventsEnvelope("env-1"));
        var ack = await _slack.Socket.NextAckAsync();

        Assert.Equal("env-1", (string?)ack["envelope_id"]);
        Assert.False(ack.ContainsKey("payload"));
        Assert.Equal("events_api", Assert.Single(seen).Type);
        Assert.Equal("Ev-sock-env-1", (string?)seen[0].Payload!["event_id"]);
        Assert.Equal("Bearer xapp-1-app-token", _slack.CallsTo("apps.connections.open").Single().Authorization);
    }

    [Fact]
    public async Task The_handlers_response_goes_back_as_the_ack_payload()
    {
        var (client, _, _) = Start(_ => new JsonObject { ["response_action"] = "errors", ["errors"] = new JsonObject { ["b"] = "bad" } });
        await Until(() => client.ConnectionsReady == 1);

        await _slack.Socket.SendAsync(new JsonObject { ["envelope_id"] = "env-2", ["type"] = "interactive", ["accepts_response_payload"] = true, ["payload"] = new JsonObject { ["type"] = "view_submission" } });
        var ack = await _slack.Socket.NextAckAsync();

        Assert.Equal("errors", (string?)ack["payload"]!["response_action"]);
    }

    [Fact]
    public async Task A_disconnect_request_reconnects_with_a_fresh_url_and_keeps_receiving()
    {
        var (client, _, seen) = Start();
        await Until(() => client.ConnectionsReady == 1);

        await _slack.Socket.DisconnectAsync();
        await Until(() => client.ConnectionsReady == 2);
        await _slack.Socket.SendAsync(EventsEnvelope("env-3"));

        Assert.Equal("env-3", (string?)(await _slack.Socket.NextAckAsync())["envelope_id"]);
        Assert.Equal(2, _slack.CallsTo("apps.connections.open").Count);
        Assert.Equal(2, _slack.Socket.Connections);
    }

    [Fact]
    public async Task An_envelope_the_handler_cannot_store_is_left_unacked()
    {
        var api = new SlackApiClient(_http, new SlackApiClientOptions { BaseUrl = _slack.BaseUrl });
        var client = new SocketModeClient(api, "xapp-1-app-token");
        _ = client.RunAsync((e, _) => e.EnvelopeId == "env-fail" ? throw new IOException("disk full") : Task.FromResult<JsonNode?>(null), _stop.Token);
        await Until(() => client.ConnectionsReady == 1);

        await _slack.Socket.SendAsync(EventsEnvelope("env-fail"));
        await _slack.Socket.SendAsync(EventsEnvelope("env-ok"));

        Assert.Equal("env-ok", (string?)(await _slack.Socket.NextAckAsync())["envelope_id"]);
    }

    [Fact]
    public async Task Cancelling_stops_the_client()
    {
        var (client, running, _) = Start();
        await Until(() => client.ConnectionsReady == 1);
        await _stop.CancelAsync();
        await running.WaitAsync(TimeSpan.FromSeconds(5));
    }
}
