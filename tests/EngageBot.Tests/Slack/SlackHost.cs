using EngageBot.Cards;
using System.Net.Http.Headers;
using System.Text;
using EngageBot.Channels;
using EngageBot.Features.Directory;
using EngageBot.SlackApi.Signing;
using EngageBot.TestSupport;
using EngageBot.TestSupport.FakeSlack;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;

namespace EngageBot.Tests.Slack;

/// <summary>
/// The real host in-process with Slack configured against a loopback fake Slack, recording fakes for the ports other
/// helpers implement (inbox, card-action router, outbox, directory) and a clock the tests control.
/// </summary>
public sealed class SlackHost : WebApplicationFactory<Program>, IAsyncLifetime
{
    public const string SigningSecret = "8f742231b10e8888abcd99yyyzzz85a5";
    public const string OurTeam = "T0OURTEAM";
    public const string BotUserId = "U0ENGAGEBOT";

    private readonly TempDirectory _data = new();

    public FakeSlackServer Slack { get; private set; } = null!;
    public RecordingInbox Inbox { get; } = new();
    public RecordingCardActionRouter Router { get; } = new();
    public RecordingOutbox Outbox { get; } = new();
    public FakeDirectoryLookup Directory { get; } = new();
    public FakeCardFormSource Forms { get; } = new();
    public ManualTimeProvider Time { get; } = new(new DateTimeOffset(2026, 11, 2, 9, 0, 0, TimeSpan.Zero));

    public bool UseSocketMode { get; init; }

    /// <summary>False: EngageBot:Slack:TeamId is not set, so the service learns our workspace from auth.test (which names <see cref="OurTeam"/>).</summary>
    public bool ConfigureTeamId { get; init; } = true;

    public async Task InitializeAsync()
    {
        Slack = await FakeSlackServer.StartAsync();
        Slack.AuthTeamId = OurTeam;
        Slack.AuthBotUserId = BotUserId;
        // The payloads' internal person is a full member of our workspace, as users.info tells.
        Slack.AddUser(SlackPayloads.InternalUser, OurTeam, name: "Sam Internal");
    }

    public new async Task DisposeAsync()
    {
        await base.DisposeAsync();
        await Slack.DisposeAsync();
        _data.Dispose();
    }

    public void Reset()
    {
        Inbox.Clear();
        Router.Clear();
        Outbox.Clear();
        Directory.Clear();
        Forms.Clear();
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseSetting("EngageBot:Storage:DataDirectory", _data.Path);
        builder.UseSetting("EngageBot:Slack:SigningSecret", SigningSecret);
        builder.UseSetting("EngageBot:Slack:BotToken", "xoxb-test-token");
        builder.UseSetting("EngageBot:Slack:ApiBaseUrl", Slack.BaseUrl.ToString());
        if (ConfigureTeamId)
        {
            builder.UseSetting("EngageBot:Slack:TeamId", OurTeam);
            builder.UseSetting("EngageBot:Slack:BotUserId", BotUserId);
        }
        if (UseSocketMode)
        {
            builder.UseSetting("EngageBot:Slack:UseSocketMode", "true");
            builder.UseSetting("EngageBot:Slack:AppToken", "xapp-test-app-token");
        }
        builder.ConfigureTestServices(services =>
        {
            services.AddSingleton<TimeProvider>(Time);
            services.AddSingleton<IInbox>(Inbox);
            services.AddSingleton<ICardActionRouter>(Router);
            services.AddSingleton<IOutbox>(Outbox);
            services.AddSingleton<IDirectoryLookup>(Directory);
            services.AddSingleton<ICardFormSource>(Forms);
        });
    }

    /// <summary>Posts <paramref name="body"/> signed as Slack would sign it now (or at <paramref name="signedAt"/>).</summary>
    public Task<HttpResponseMessage> PostSignedAsync(string path, string body, string contentType = "application/json",
        DateTimeOffset? signedAt = null, IDictionary<string, string>? headers = null)
    {
        var request = Signed(path, body, contentType, signedAt ?? Time.GetUtcNow());
        foreach (var (k, v) in headers ?? new Dictionary<string, string>()) request.Headers.Add(k, v);
        return CreateClient().SendAsync(request);
    }

    public Task<HttpResponseMessage> PostEventAsync(string body, int? retryNum = null) =>
        PostSignedAsync("/api/slack/events", body, headers: retryNum is { } n
            ? new Dictionary<string, string> { ["X-Slack-Retry-Num"] = n.ToString(System.Globalization.CultureInfo.InvariantCulture), ["X-Slack-Retry-Reason"] = "http_timeout" }
            : null);

    public Task<HttpResponseMessage> PostInteractionAsync(string payloadJson) =>
        PostSignedAsync("/api/slack/interactions", "payload=" + Uri.EscapeDataString(payloadJson), "application/x-www-form-urlencoded");

    /// <summary>A request signed with <see cref="SigningSecret"/> as Slack signs it at <paramref name="signedAt"/>.</summary>
    public static HttpRequestMessage Signed(string path, string body, string contentType, DateTimeOffset signedAt)
    {
        var ts = signedAt.ToUnixTimeSeconds().ToString(System.Globalization.CultureInfo.InvariantCulture);
        var request = Request(path, body, contentType);
        request.Headers.Add(SlackRequestVerifier.TimestampHeader, ts);
        request.Headers.Add(SlackRequestVerifier.SignatureHeader, SlackRequestVerifier.Sign(SigningSecret, ts, Encoding.UTF8.GetBytes(body)));
        return request;
    }

    public static HttpRequestMessage Request(string path, string body, string contentType)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = new StringContent(body, Encoding.UTF8) };
        request.Content.Headers.ContentType = MediaTypeHeaderValue.Parse(contentType);
        return request;
    }
}

/// <summary>The same host without EngageBot:Slack:TeamId: our workspace comes from auth.test.</summary>
public sealed class SlackHostWithoutTeamId : IAsyncLifetime
{
    public SlackHost Host { get; } = new() { ConfigureTeamId = false };

    public Task InitializeAsync() => Host.InitializeAsync();

    public Task DisposeAsync() => Host.DisposeAsync();
}

/// <summary>The same host receiving over Socket Mode.</summary>
public sealed class SlackSocketModeHost : IAsyncLifetime
{
    public SlackHost Host { get; } = new() { UseSocketMode = true };

    public Task InitializeAsync() => Host.InitializeAsync();

    public Task DisposeAsync() => Host.DisposeAsync();
}
