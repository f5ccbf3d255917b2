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
        Assert.Contains(_env.Host.Inbox.Events, e => e.DedupKey.Contains("after-rotation", StringComparison.Ordinal));
    }
}
