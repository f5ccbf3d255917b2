using System.Net;

namespace EngageBot.Tests.Teams;

/// <summary>Keys rotate without notice: an unknown kid forces a refresh of the metadata and endorsements.</summary>
public sealed class TeamsKeyRotationTests : IAsyncLifetime
{
    private readonly TeamsEnvironment _env = new();

    public Task InitializeAsync() => _env.InitializeAsync();

    public Task DisposeAsync() => _env.DisposeAsync();

    [Fact]
    public async Task Rotated_key_with_unknown_kid_triggers_a_refresh_and_is_accepted()
    {
        Assert.Equal(HttpStatusCode.OK, (await _env.PostAsync(TeamsActivities.ChannelMention(_env.ServiceUrl, id: "before-rotation"))).StatusCode);
        var fetchesBefore = _env.Authority.MetadataRequests;

        _env.Authority.Rotate();
        var response = await _env.PostAsync(TeamsActivities.ChannelMention(_env.ServiceUrl, id: "after-rotation"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.True(_env.Authority.MetadataRequests > fetchesBefore);
        Assert.Contains(_env.Host.Inbox.Accepted, e => e.DedupKey.Contains("after-rotation", StringComparison.Ordinal));
    }
}

/// <summary>When the signing keys cannot be fetched the bot answers 503 (the Connector retries) and stores nothing.</summary>
public sealed class TeamsMetadataOutageTests
{
    [Fact]
    public async Task Unreachable_metadata_is_503_and_nothing_is_accepted()
    {
        using var temp = new EngageBot.TestSupport.TempDirectory();
        await using var authority = await EngageBot.TestSupport.FakeTeams.FakeBotFrameworkAuthority.StartAsync();
        var deadMetadata = $"http://127.0.0.1:{EngageBot.TestSupport.FreePort.Next()}/v1/.well-known/openidconfiguration";
        await using var host = new TeamsHost(temp.Path, deadMetadata, "http://127.0.0.1:9/");
        using var client = host.CreateClient();
        var serviceUrl = "https://smba.trafficmanager.net/amer/";
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/messages")
        {
            Content = new StringContent(TeamsActivities.ChannelMention(serviceUrl).ToJsonString(), System.Text.Encoding.UTF8, "application/json"),
        };
        request.Headers.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", authority.MintToken(TeamsHost.AppId, serviceUrl));

        var response = await client.SendAsync(request);

        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        Assert.Empty(host.Inbox.Accepted);
    }
}
