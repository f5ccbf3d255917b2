using EngageBot.BotFramework.Schema;
using EngageBot.Channels;
using EngageBot.Channels.Teams;
using EngageBot.TestSupport.FakeTeams;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace EngageBot.Tests.Teams;

/// <summary>
/// Same-tenant senders whose activity carries no userRole: the classifier asks the Connector (loopback fake) for the
/// member record, so a guest in our tenant counts as a partner.
/// </summary>
public sealed class TeamsGuestLookupTests : IAsyncLifetime
{
    private const string Ours = TeamsHost.TenantId;
    private const string Team = "19:team-general@thread.tacv2";
    private FakeBotConnector _connector = null!;
    private HttpClient _http = null!;
    private TeamsAuthorClassifier _classifier = null!;

    public async Task InitializeAsync()
    {
        _connector = await FakeBotConnector.StartAsync();
        _http = new HttpClient();
        var roles = new TeamsMemberRoles(FakeConnectorClient.Create(_connector, _http, TeamsHost.AppId, Ours), new MemoryCache(new MemoryCacheOptions()), NullLogger<TeamsMemberRoles>.Instance);
        _classifier = new TeamsAuthorClassifier(new FakeDirectoryLookup(), Options.Create(new TeamsOptions { AppId = TeamsHost.AppId, TenantId = Ours }), roles);
    }

    public async Task DisposeAsync()
    {
        _http.Dispose();
        await _connector.DisposeAsync();
    }

    [Fact]
    public async Task A_guest_whose_activity_omits_the_role_is_a_partner_once_the_member_record_says_guest()
    {
        _connector.AddMember("29:1guest", "guest", Ours);

        var user = await ClassifyAsync("29:1guest");

        Assert.Equal(AuthorKind.Partner, user!.Kind);
        Assert.Equal("/v3/conversations/19%3Ateam-general%40thread.tacv2/members/29%3A1guest", Assert.Single(_connector.Requests).RawTarget);
    }

    [Fact]
    public async Task A_colleague_is_internal_and_looked_up_once()
    {
        _connector.AddMember("29:1colleague", "user", Ours);

        var first = await ClassifyAsync("29:1colleague");
        var second = await ClassifyAsync("29:1colleague");

        Assert.Equal((AuthorKind.Internal, AuthorKind.Internal), (first!.Kind, second!.Kind));
        Assert.Single(_connector.Requests);
    }

    [Fact]
    public async Task A_role_on_the_activity_needs_no_lookup()
    {
        var user = await ClassifyAsync("29:1member", userRole: "user");

        Assert.Equal(AuthorKind.Internal, user!.Kind);
        Assert.Empty(_connector.Requests);
    }

    [Fact]
    public async Task When_the_member_record_cannot_be_read_the_sender_is_unknown_so_their_question_still_counts()
    {
        _connector.FailNext(503, "ServiceUnavailable");

        var user = await ClassifyAsync("29:1someone");

        Assert.Equal(AuthorKind.Unknown, user!.Kind);
    }

    private Task<ChatUser?> ClassifyAsync(string id, string? userRole = null) =>
        _classifier.ClassifyAsync(new ChannelAccount { Id = id, AadObjectId = "aad-" + id, Name = id, UserRole = userRole }, Ours, default,
            new TeamsMemberSource(_connector.ServiceUrl, Team));
}
