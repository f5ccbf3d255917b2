using System.Text;
using EngageBot.SlackApi.Signing;
using EngageBot.Tests.Slack;
using EngageBot.TestSupport;
using EngageBot.TestSupport.FakeSlack;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;

namespace EngageBot.Tests.Tickets.EndToEnd;

/// <summary>
/// The real host with every real port (inbox, outbox, directory, storage on SQLite in a temp dir) against a loopback fake
/// Slack; only the clock is the test's. <paramref name="settings"/> adds configuration (e.g. a feature's options).
/// </summary>
public sealed class TicketsSlackHost(FakeSlackServer slack, IReadOnlyDictionary<string, string>? settings = null) : WebApplicationFactory<Program>
{
    private readonly TempDirectory _data = new();

    public ManualTimeProvider Time { get; } = new(new DateTimeOffset(2026, 11, 2, 9, 0, 0, TimeSpan.Zero));

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseSetting("EngageBot:Storage:DataDirectory", _data.Path);
        builder.UseSetting("EngageBot:Slack:SigningSecret", SlackHost.SigningSecret);
        builder.UseSetting("EngageBot:Slack:BotToken", "xoxb-test-token");
        builder.UseSetting("EngageBot:Slack:ApiBaseUrl", slack.BaseUrl.ToString());
        builder.UseSetting("EngageBot:Slack:TeamId", SlackHost.OurTeam);
        builder.UseSetting("EngageBot:Slack:BotUserId", SlackHost.BotUserId);
        foreach (var (key, value) in settings ?? new Dictionary<string, string>()) builder.UseSetting(key, value);
        builder.ConfigureTestServices(services => services.AddSingleton<TimeProvider>(Time));
    }

    public Task<HttpResponseMessage> PostEventAsync(System.Text.Json.Nodes.JsonObject ev, string eventId) =>
        PostSignedAsync("/api/slack/events", SlackPayloads.Envelope(ev, eventId), "application/json");

    public Task<HttpResponseMessage> PostSignedAsync(string path, string body, string contentType)
    {
        var ts = Time.GetUtcNow().ToUnixTimeSeconds().ToString(System.Globalization.CultureInfo.InvariantCulture);
        var request = SlackHost.Request(path, body, contentType);
        request.Headers.Add(SlackRequestVerifier.TimestampHeader, ts);
        request.Headers.Add(SlackRequestVerifier.SignatureHeader, SlackRequestVerifier.Sign(SlackHost.SigningSecret, ts, Encoding.UTF8.GetBytes(body)));
        return CreateClient().SendAsync(request);
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        _data.Dispose();
    }
}
