using System.Globalization;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using EngageBot.Features.Directory.Import;
using EngageBot.Features.Interactions;
using EngageBot.SlackApi.Signing;
using EngageBot.TestSupport;
using EngageBot.TestSupport.FakeSlack;
using EngageBot.TestSupport.FakeTeams;
using Microsoft.Extensions.DependencyInjection;

namespace EngageBot.Tests.EndToEnd;

/// <summary>
/// One world per test class: fake Slack, fake Bot Framework authority and Connector on loopback, a temp data
/// directory, and the real host with samples/partners.yaml imported. RestartAsync swaps the host for a new one on
/// the same data directory.
/// </summary>
public sealed class EndToEndWorld : IAsyncLifetime
{
    private readonly TempDirectory _data = new();
    private EndToEndHost _host = null!;

    public FakeSlackServer Slack { get; private set; } = null!;
    public FakeBotFrameworkAuthority Authority { get; private set; } = null!;
    public FakeBotConnector Connector { get; private set; } = null!;
    public HttpClient Client { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Slack = await FakeSlackServer.StartAsync();
        Authority = await FakeBotFrameworkAuthority.StartAsync("msteams");
        Connector = await FakeBotConnector.StartAsync();
        StartHost();
        var imported = await Service<DirectoryImporter>().ImportAsync(await File.ReadAllTextAsync(Path.Combine(RepoPaths.Samples, "partners.yaml")));
        Assert.NotNull(imported);
    }

    public async Task RestartAsync()
    {
        Client.Dispose();
        await _host.DisposeAsync();
        StartHost();
    }

    public T Service<T>() where T : notnull => _host.Services.GetRequiredService<T>();

    public async Task<List<Interaction>> InteractionsAsync(string? partnerId = null)
    {
        var found = new List<Interaction>();
        await foreach (var i in Service<IInteractionLog>().QueryAsync(partnerId, DateTimeOffset.UnixEpoch))
            found.Add(i);
        return found;
    }

    public Task<HttpResponseMessage> PostSlackAsync(string path, string body, string contentType = "application/json", int? retryNum = null, string? secret = null)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = new StringContent(body, Encoding.UTF8) };
        request.Content.Headers.ContentType = MediaTypeHeaderValue.Parse(contentType);
        var ts = DateTimeOffset.UtcNow.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
        request.Headers.Add(SlackRequestVerifier.TimestampHeader, ts);
        request.Headers.Add(SlackRequestVerifier.SignatureHeader, SlackRequestVerifier.Sign(secret ?? EndToEndHost.SigningSecret, ts, Encoding.UTF8.GetBytes(body)));
        if (retryNum is { } n)
        {
            request.Headers.Add("X-Slack-Retry-Num", n.ToString(CultureInfo.InvariantCulture));
            request.Headers.Add("X-Slack-Retry-Reason", "http_timeout");
        }
        return Client.SendAsync(request);
    }

    public Task<HttpResponseMessage> PostSlackInteractionAsync(JsonObject payload) =>
        PostSlackAsync("/api/slack/interactions", "payload=" + Uri.EscapeDataString(payload.ToJsonString()), "application/x-www-form-urlencoded");

    public Task<HttpResponseMessage> PostTeamsAsync(JsonObject activity) =>
        PostTeamsAsync(activity, Authority.MintToken(EndToEndHost.AppId, Connector.ServiceUrl));

    public async Task<HttpResponseMessage> PostTeamsAsync(JsonObject activity, string? token)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/messages")
        {
            Content = new StringContent(activity.ToJsonString(), Encoding.UTF8, "application/json"),
        };
        if (token is not null) request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return await Client.SendAsync(request);
    }

    /// <summary>
    /// An activity in a Teams channel of our tenant's team, from the given account, as the Connector sends it; the conversation
    /// id carries ";messageid=" when <paramref name="rootId"/> is given.
    /// </summary>
    public JsonObject TeamsChannelActivity(string type, string id, string channelId, string fromId, string aadObjectId, string fromTenant, string? rootId = null) => new()
    {
        ["type"] = type,
        ["id"] = id,
        ["timestamp"] = "2026-11-02T09:00:00.000Z",
        ["channelId"] = "msteams",
        ["serviceUrl"] = Connector.ServiceUrl,
        ["from"] = new JsonObject { ["id"] = fromId, ["aadObjectId"] = aadObjectId, ["name"] = "Someone", ["tenantId"] = fromTenant },
        ["conversation"] = new JsonObject
        {
            ["isGroup"] = true, ["conversationType"] = "channel", ["tenantId"] = EndToEndHost.OurTenant,
            ["id"] = rootId is null ? channelId : $"{channelId};messageid={rootId}",
        },
        ["recipient"] = new JsonObject { ["id"] = "28:" + EndToEndHost.AppId, ["name"] = "EngageBot" },
        ["channelData"] = new JsonObject
        {
            ["tenant"] = new JsonObject { ["id"] = EndToEndHost.OurTenant },
            ["team"] = new JsonObject { ["id"] = "19:team-e2e@thread.tacv2" },
            ["channel"] = new JsonObject { ["id"] = channelId },
        },
    };

    /// <summary>Polls until <paramref name="condition"/> holds (the inbox and outbox work in the background).</summary>
    public static async Task EventuallyAsync(Func<Task<bool>> condition, string what)
    {
        var until = DateTimeOffset.UtcNow.AddSeconds(20);
        while (!await condition())
        {
            if (DateTimeOffset.UtcNow > until) Assert.Fail($"Not within 20 s: {what}");
            await Task.Delay(50);
        }
    }

    public async Task DisposeAsync()
    {
        Client.Dispose();
        await _host.DisposeAsync();
        await Slack.DisposeAsync();
        await Authority.DisposeAsync();
        await Connector.DisposeAsync();
        _data.Dispose();
    }

    private void StartHost()
    {
        _host = new EndToEndHost(_data.Path, Slack, Authority, Connector);
        Client = _host.CreateClient();
    }
}
