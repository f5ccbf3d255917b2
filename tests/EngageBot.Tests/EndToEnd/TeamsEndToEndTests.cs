using System.Net;
using System.Text.Json.Nodes;
using EngageBot.Channels;
using EngageBot.Features.Interactions;
using EngageBot.TestSupport.FakeTeams;

namespace EngageBot.Tests.EndToEnd;

/// <summary>Teams activities through the real host (JWT validation, inbox, log) and proactive sends after a restart.</summary>
public sealed class TeamsEndToEndTests(EndToEndWorld world) : IClassFixture<EndToEndWorld>
{
    private const string TulipChannel = "19:3c0f8a1b2d4e4f6a8b9c0d1e2f3a4b5c@thread.tacv2";
    private const string TulipTenant = "a1b2c3d4-e5f6-4a7b-8c9d-0e1f2a3b4c5d";
    private const string TulipUser = "29:1tulip-user";

    [Fact]
    public async Task A_partner_activity_is_logged_exactly_once_when_reposted()
    {
        var activity = ChannelMessage("1790000000001", "Is the export API rate limited?");

        var first = await world.PostTeamsAsync(activity);
        var second = await world.PostTeamsAsync(activity);
        var third = await world.PostTeamsAsync(activity);

        Assert.All([first, second, third], r => Assert.True(r.IsSuccessStatusCode, r.StatusCode.ToString()));
        await EndToEndWorld.EventuallyAsync(async () => (await Logged("1790000000001")).Count > 0, "the activity in the interaction log");
        await Task.Delay(1000);
        var logged = Assert.Single(await Logged("1790000000001"));
        Assert.Equal(("tulip-systems", AuthorKind.Partner), (logged.PartnerId, logged.AuthorKind));
    }

    [Fact]
    public async Task A_guest_in_our_tenant_whose_activity_omits_the_role_is_logged_as_a_partner()
    {
        // Guest accounts live in our tenant: from carries no tenantId and no userRole, so only the member record tells.
        world.Connector.AddMember("29:1tulip-guest", "guest", EndToEndHost.OurTenant);
        var activity = ChannelMessage("1790000000004", "Can you confirm the renewal quote?");
        activity["from"] = new JsonObject { ["id"] = "29:1tulip-guest", ["aadObjectId"] = "0a0b0c0d-0000-0000-0000-00000000e2e4", ["name"] = "Gwen (Guest)" };

        var response = await world.PostTeamsAsync(activity);

        Assert.True(response.IsSuccessStatusCode, response.StatusCode.ToString());
        await EndToEndWorld.EventuallyAsync(async () => (await Logged("1790000000004")).Count > 0, "the guest's message in the interaction log");
        Assert.Equal(AuthorKind.Partner, Assert.Single(await Logged("1790000000004")).AuthorKind);
        Assert.Contains(world.Connector.Requests, r => r.Method == "GET" && r.RawTarget.EndsWith("/members/29%3A1tulip-guest", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Forged_tokens_are_refused_and_nothing_is_stored()
    {
        var activity = ChannelMessage("1790000000002", "forged");

        var wrongKey = await world.PostTeamsAsync(activity, world.Authority.MintToken(EndToEndHost.AppId, world.Connector.ServiceUrl, signingKey: FakeBotFrameworkAuthority.NewKey()));
        var wrongAudience = await world.PostTeamsAsync(activity, world.Authority.MintToken("99999999-0000-0000-0000-000000000000", world.Connector.ServiceUrl));
        var unsigned = await world.PostTeamsAsync(activity, FakeBotFrameworkAuthority.MintUnsigned(EndToEndHost.AppId, world.Connector.ServiceUrl));
        var none = await world.PostTeamsAsync(activity, token: null);

        Assert.All([wrongKey, wrongAudience, unsigned, none], r => Assert.Contains(r.StatusCode, new[] { HttpStatusCode.Unauthorized, HttpStatusCode.Forbidden }));
        await Task.Delay(500);
        Assert.Empty(await Logged("1790000000002"));
    }

    [Fact]
    public async Task A_channel_post_and_a_proactive_dm_after_a_restart_reach_the_Connector_with_the_bot_token()
    {
        await world.PostTeamsAsync(ChannelMessage("1790000000003", "hello"));
        await EndToEndWorld.EventuallyAsync(async () => (await Logged("1790000000003")).Count > 0, "the activity that introduces the user");

        await world.RestartAsync();
        var outbox = world.Service<IOutbox>();
        await outbox.EnqueueAsync("e2e:teams:post", DeliveryTarget.Post(new ConversationRef(ChatPlatform.Teams, TulipChannel)), new OutboundMessage("Weekly check-in is due"));
        await outbox.EnqueueAsync("e2e:teams:dm", DeliveryTarget.Direct(ChatPlatform.Teams, TulipUser), new OutboundMessage("A private note"));

        await EndToEndWorld.EventuallyAsync(() => Task.FromResult(Sends().Count(r => Text(r) is "Weekly check-in is due" or "A private note") == 2), "both sends");
        // The 1:1 chat created for the DM (other tests' triage cards create threads in the triage channel the same way).
        var create = Assert.Single(world.Connector.Requests, r => r.Method == "POST" && r.RawTarget.TrimEnd('/').EndsWith("/v3/conversations", StringComparison.Ordinal)
            && r.Body?["members"] is not null);
        Assert.Equal(TulipUser, (string?)create.Body!["members"]![0]!["id"]);
        // Tokens the fake's token endpoint issued (client credentials for our app id), never anything else.
        Assert.All(Sends().Append(create), r => Assert.Matches(@"^Bearer fake-bot-token-\d+$", r.Authorization));
        Assert.All(world.Connector.TokenRequests, t => Assert.Equal(EndToEndHost.AppId, t.Form["client_id"]));
        Assert.Contains(Sends(), r => Text(r) == "Weekly check-in is due" && r.RawTarget.Contains(Uri.EscapeDataString(TulipChannel), StringComparison.Ordinal));
        await EndToEndWorld.EventuallyAsync(async () => (await world.InteractionsAsync()).Any(i => i.Direction == InteractionDirection.Outbound && i.Text == "A private note"),
            "the outbound DM in the interaction log");
    }

    private IEnumerable<ConnectorRequest> Sends() =>
        world.Connector.Requests.Where(r => r.Method == "POST" && r.RawTarget.Contains("/activities", StringComparison.Ordinal));

    private static string? Text(ConnectorRequest r) => (string?)r.Body?["text"];

    private JsonObject ChannelMessage(string id, string text) => new()
    {
        ["type"] = "message",
        ["id"] = id,
        ["timestamp"] = "2026-11-02T09:00:00.000Z",
        ["text"] = text,
        ["channelId"] = "msteams",
        ["serviceUrl"] = world.Connector.ServiceUrl,
        ["from"] = new JsonObject { ["id"] = TulipUser, ["aadObjectId"] = "0a0b0c0d-0000-0000-0000-00000000e2e1", ["name"] = "Tess", ["tenantId"] = TulipTenant },
        ["conversation"] = new JsonObject
        {
            ["isGroup"] = true, ["conversationType"] = "channel", ["tenantId"] = EndToEndHost.OurTenant, ["id"] = $"{TulipChannel};messageid={id}",
        },
        ["recipient"] = new JsonObject { ["id"] = "28:" + EndToEndHost.AppId, ["name"] = "EngageBot" },
        ["channelData"] = new JsonObject
        {
            ["tenant"] = new JsonObject { ["id"] = EndToEndHost.OurTenant },
            ["team"] = new JsonObject { ["id"] = "19:team-shared@thread.tacv2" },
            ["channel"] = new JsonObject { ["id"] = TulipChannel },
        },
    };

    private async Task<List<Interaction>> Logged(string id) =>
        (await world.InteractionsAsync()).Where(i => i.Platform == ChatPlatform.Teams && i.MessageId == id).ToList();
}
