using System.Diagnostics;
using System.Net;
using EngageBot.TestSupport;
using EngageBot.TestSupport.FakeSlack;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;

namespace EngageBot.Tests.Slack;

/// <summary>
/// Issue 20 item 12: while the store cannot take a write, a Slack event is refused (5xx, so Slack retries) well inside
/// Slack's 3-second ack window, instead of after the store's own retries (about 10 s on Table Storage). Real host, real
/// inbox, real store; wall-clock timings.
/// </summary>
[Collection(WallClockTimings.Name)]
public sealed class SlackAckWhileStoreDownTests : IAsyncLifetime
{
    /// <summary>"Well under" Slack's 3 s: what is left after this is network between Slack and us.</summary>
    private static readonly TimeSpan Bound = TimeSpan.FromMilliseconds(2500);

    private FakeSlackServer _slack = null!;

    public async Task InitializeAsync() => _slack = await FakeSlackServer.StartAsync();

    public async Task DisposeAsync() => await _slack.DisposeAsync();

    [Fact]
    public async Task With_table_storage_stopped_an_event_is_refused_within_the_bound()
    {
        var azurite = await AzuriteServer.StartAsync();
        await using var host = new StoreHost(_slack, new()
        {
            ["EngageBot:Storage:Provider"] = "AzureTables",
            ["EngageBot:Storage:ConnectionString"] = azurite.ConnectionString,
            ["EngageBot:Storage:TablePrefix"] = "ackdown",
        });
        Assert.Equal(HttpStatusCode.OK, (await host.PostEventAsync("Ev-up")).StatusCode);

        await azurite.DisposeAsync();
        var (status, elapsed) = await host.TimedPostEventAsync("Ev-down");

        Assert.True((int)status >= 500, $"acknowledged with {status} while the store was down");
        Assert.True(elapsed < Bound, $"refused after {elapsed.TotalMilliseconds:0} ms");
    }

    private sealed class StoreHost(FakeSlackServer slack, Dictionary<string, string> storage) : WebApplicationFactory<Program>
    {
        private readonly TempDirectory _data = new();

        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            builder.UseSetting("EngageBot:Storage:DataDirectory", _data.Path);
            foreach (var (key, value) in storage) builder.UseSetting(key, value);
            builder.UseSetting("EngageBot:Slack:SigningSecret", SlackHost.SigningSecret);
            builder.UseSetting("EngageBot:Slack:BotToken", "xoxb-test-token");
            builder.UseSetting("EngageBot:Slack:ApiBaseUrl", slack.BaseUrl.ToString());
            builder.UseSetting("EngageBot:Slack:TeamId", SlackHost.OurTeam);
            builder.UseSetting("EngageBot:Slack:BotUserId", SlackHost.BotUserId);
        }

        public Task<HttpResponseMessage> PostEventAsync(string eventId, int? retryNum = null)
        {
            // One message per event id (new messages are keyed by channel and ts).
            var ts = $"1793610000.{(uint)eventId.GetHashCode(StringComparison.Ordinal) % 1_000_000:000000}";
            var body = SlackPayloads.Envelope(SlackPayloads.Message(ts, "Is the portal down?", threadTs: null), eventId);
            var request = SlackHost.Signed("/api/slack/events", body, "application/json", DateTimeOffset.UtcNow);
            if (retryNum is { } n) request.Headers.Add("X-Slack-Retry-Num", n.ToString(System.Globalization.CultureInfo.InvariantCulture));
            return CreateClient().SendAsync(request);
        }

        public async Task<(HttpStatusCode Status, TimeSpan Elapsed)> TimedPostEventAsync(string eventId)
        {
            var clock = Stopwatch.StartNew();
            using var response = await PostEventAsync(eventId);
            return (response.StatusCode, clock.Elapsed);
        }

        public override async ValueTask DisposeAsync()
        {
            await base.DisposeAsync();
            _data.Dispose();
        }
    }
}
