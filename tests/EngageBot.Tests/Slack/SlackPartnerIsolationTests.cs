using System.Net;
using System.Text.Json.Nodes;
using EngageBot.Cards;
using EngageBot.Channels;

namespace EngageBot.Tests.Slack;

/// <summary>
/// Issue 20 item 9: crafted requests must not make a partner-side person internal. Every way a person reaches us on
/// Slack (events, each slash command, each shortcut, each card action) is tried with (a) a guest account of our own
/// workspace and (b) a request that carries the partner's own workspace id where "our" workspace would be, with a
/// member of our workspace as the control. Signed requests through the real endpoints; users.info from the fake Slack.
/// </summary>
public static class SlackEntryPoints
{
    public const string GuestSingleChannel = "U0GUESTSC1";
    public const string GuestMultiChannel = "U0GUESTMC1";
    public const string Member = "U0MEMBER01";

    private const string Form = "application/x-www-form-urlencoded";

    /// <summary>Each entry point: posts one signed request as <c>user</c> from workspace <c>team</c>.</summary>
    public static readonly IReadOnlyDictionary<string, Func<SlackHost, string, string, Task<HttpResponseMessage>>> All = Build();

    public static TheoryData<string> Names()
    {
        var data = new TheoryData<string>();
        foreach (var name in All.Keys) data.Add(name);
        return data;
    }

    private static Dictionary<string, Func<SlackHost, string, string, Task<HttpResponseMessage>>> Build()
    {
        var entries = new Dictionary<string, Func<SlackHost, string, string, Task<HttpResponseMessage>>>
        {
            ["event:message"] = (h, u, t) => Event(h, t, SlackPayloads.Message(Ts(), "Can you list every partner's tickets?", user: u, team: t)),
            ["event:app_mention"] = (h, u, t) => Event(h, t, SlackPayloads.AppMention(Ts(), $"<@{SlackHost.BotUserId}> tickets", user: u, team: t)),
            ["event:reaction_added"] = (h, u, t) => Event(h, t, SlackPayloads.Reaction(added: true, "white_check_mark", "1793610000.000100", user: u)),
            ["event:member_joined_channel"] = (h, u, t) => Event(h, t, SlackPayloads.Member(joined: true, u, team: t)),
            ["shortcut:message"] = (h, u, t) => h.PostInteractionAsync(As(SlackPayloads.MessageShortcut("create_ticket", "1793610000.000100", "hi"), u, t)),
            ["view_submission"] = (h, u, t) => h.PostInteractionAsync(As(SlackPayloads.ViewSubmission(CardVerbs.ChurnResolve, """{"riskId":"R-1"}""", "b1", "outcome", "lost"), u, t)),
        };
        foreach (var word in BotCommands.All)
            entries[$"command:{word}"] = (h, u, t) => h.PostSignedAsync("/api/slack/commands", Command($"{word} T-1", u, t), Form);
        foreach (var callback in new[] { "my_tickets" })
            entries[$"shortcut:global:{callback}"] = (h, u, t) => h.PostInteractionAsync(SlackPayloads.GlobalShortcut(callback, u, t));
        foreach (var verb in new[] { CardVerbs.TicketAssignToMe, CardVerbs.TicketResolve, CardVerbs.TicketMarkUrgent, CardVerbs.TicketWaiting,
                     CardVerbs.ChurnAcknowledge, CardVerbs.ChurnResolve, CardVerbs.ChurnReassign, CardVerbs.ChannelLink })
            entries[$"card:{verb}"] = (h, u, t) => h.PostInteractionAsync(As(SlackPayloads.BlockActions(verb, """{"ticketId":"T-1","riskId":"R-1","partner":"globex"}""", "1793610000.000100", u, t), u, t));
        return entries;
    }

    private static int _ts;

    private static string Ts() => $"1793620000.{Interlocked.Increment(ref _ts):000000}";

    private static Task<HttpResponseMessage> Event(SlackHost host, string team, JsonObject ev)
    {
        // The envelope as a partner's own installation would send it: its team and its authorization, not ours.
        var envelope = JsonNode.Parse(SlackPayloads.Envelope(ev, "Ev" + Guid.NewGuid().ToString("N")))!.AsObject();
        envelope["team_id"] = team;
        envelope["authorizations"]![0]!["team_id"] = team;
        return host.PostSignedAsync("/api/slack/events", envelope.ToJsonString());
    }

    private static string As(string payload, string user, string team)
    {
        var json = JsonNode.Parse(payload)!.AsObject();
        json["user"]!["id"] = user;
        json["user"]!["team_id"] = team;
        json["team"] = new JsonObject { ["id"] = team, ["domain"] = "whoever" };
        return json.ToJsonString();
    }

    public static string Command(string text, string user, string team, string channel = SlackPayloads.Channel, string? triggerId = null) =>
        $"token=x&team_id={team}&team_domain=whoever&channel_id={channel}&channel_name=partner-acme&user_id={user}&user_name=someone"
        + $"&command=%2Fengagebot&text={Uri.EscapeDataString(text)}&api_app_id=A0ENGAGE&is_enterprise_install=false"
        + $"&trigger_id={triggerId ?? Guid.NewGuid().ToString("N")}";

    /// <summary>The one person the request was about (the joiner of a channel), whether it went to the inbox or to the card-action router.</summary>
    public static ChatUser? ActorOf(SlackHost host) =>
        host.Inbox.Accepted.Select(e => e is MembershipChanged joined ? joined.Member : e.Actor).Concat(host.Router.Routed.Select(a => a.Actor)).LastOrDefault();
}

public sealed class SlackGuestIsolationTests : IClassFixture<SlackHost>
{
    private readonly SlackHost _host;

    public SlackGuestIsolationTests(SlackHost host)
    {
        _host = host;
        _host.Reset();
        _host.Slack.AddUser(SlackEntryPoints.GuestSingleChannel, SlackHost.OurTeam, name: "Gus Guest", isUltraRestricted: true);
        _host.Slack.AddUser(SlackEntryPoints.GuestMultiChannel, SlackHost.OurTeam, name: "Greta Guest", isRestricted: true);
        _host.Slack.AddUser(SlackEntryPoints.Member, SlackHost.OurTeam, name: "Mia Member");
    }

    /// <summary>Every entry point with a single-channel guest, a multi-channel guest (both Partner) and a full member (Internal, the control).</summary>
    public static TheoryData<string, string, AuthorKind> People()
    {
        var data = new TheoryData<string, string, AuthorKind>();
        foreach (var entry in SlackEntryPoints.All.Keys)
        {
            data.Add(entry, SlackEntryPoints.GuestSingleChannel, AuthorKind.Partner);
            data.Add(entry, SlackEntryPoints.GuestMultiChannel, AuthorKind.Partner);
            data.Add(entry, SlackEntryPoints.Member, AuthorKind.Internal);
        }
        return data;
    }

    [Theory]
    [MemberData(nameof(People))]
    public async Task Guests_of_our_workspace_are_partner_side_and_members_internal_from_every_entry_point(string entry, string user, AuthorKind expected)
    {
        var response = await SlackEntryPoints.All[entry](_host, user, SlackHost.OurTeam);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(expected, SlackEntryPoints.ActorOf(_host)?.Kind);
    }

    [Fact]
    public async Task A_member_whose_guest_status_cannot_be_checked_is_not_internal()
    {
        _host.Slack.RawNext("users.info", "<html><body>502 Bad Gateway</body></html>", "text/html");
        var response = await SlackEntryPoints.All["event:message"](_host, "U0UNCHECKED", SlackHost.OurTeam);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.NotEqual(AuthorKind.Internal, SlackEntryPoints.ActorOf(_host)?.Kind);
    }
}

public sealed class SlackWorkspaceFromRequestTests : IClassFixture<SlackHostWithoutTeamId>
{
    private readonly SlackHost _host;

    public SlackWorkspaceFromRequestTests(SlackHostWithoutTeamId fixture)
    {
        _host = fixture.Host;
        _host.Reset();
        _host.Slack.AddUser(SlackPayloads.PartnerUser, SlackPayloads.PartnerTeam, name: "Pat Partner");
        _host.Slack.AddUser(SlackEntryPoints.Member, SlackHost.OurTeam, name: "Mia Member");
    }

    public static TheoryData<string> EntryPoints() => SlackEntryPoints.Names();

    [Theory]
    [MemberData(nameof(EntryPoints))]
    public async Task A_request_carrying_the_partners_workspace_id_does_not_make_the_partner_internal(string entry)
    {
        var response = await SlackEntryPoints.All[entry](_host, SlackPayloads.PartnerUser, SlackPayloads.PartnerTeam);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(AuthorKind.Partner, SlackEntryPoints.ActorOf(_host)?.Kind);
    }

    [Fact]
    public async Task Our_workspace_comes_from_auth_test_once_and_its_members_are_internal()
    {
        await SlackEntryPoints.All["event:message"](_host, SlackEntryPoints.Member, SlackHost.OurTeam);
        await SlackEntryPoints.All["command:tickets"](_host, SlackEntryPoints.Member, SlackHost.OurTeam);

        Assert.All(_host.Inbox.Accepted, e => Assert.Equal(AuthorKind.Internal, e.Actor?.Kind));
        Assert.Single(_host.Slack.CallsTo("auth.test"));
    }
}

public sealed class SlackWorkspaceUnknownTests
{
    [Fact]
    public async Task Without_a_team_id_and_with_auth_test_failing_slack_requests_are_refused_until_it_answers()
    {
        var host = new SlackHost { ConfigureTeamId = false };
        await host.InitializeAsync();
        try
        {
            host.Slack.FailNext("auth.test", "invalid_auth");
            host.Slack.AddUser(SlackPayloads.PartnerUser, SlackPayloads.PartnerTeam);

            var refused = await SlackEntryPoints.All["event:message"](host, SlackPayloads.PartnerUser, SlackPayloads.PartnerTeam);
            var refusedCommand = await SlackEntryPoints.All["command:tickets"](host, SlackPayloads.PartnerUser, SlackPayloads.PartnerTeam);

            Assert.Equal(HttpStatusCode.ServiceUnavailable, refused.StatusCode);
            Assert.Equal(HttpStatusCode.ServiceUnavailable, refusedCommand.StatusCode);
            var error = await refused.Content.ReadAsStringAsync();
            Assert.Contains("EngageBot:Slack:TeamId", error);
            Assert.Contains("invalid_auth", error);
            Assert.Empty(host.Inbox.Accepted);
            Assert.Single(host.Slack.CallsTo("auth.test")); // a failure is not asked again on every request

            host.Time.Advance(TimeSpan.FromSeconds(6));
            var retried = await SlackEntryPoints.All["event:message"](host, SlackPayloads.PartnerUser, SlackPayloads.PartnerTeam);
            Assert.Equal(HttpStatusCode.OK, retried.StatusCode);
            Assert.Equal(AuthorKind.Partner, Assert.Single(host.Inbox.Accepted).Actor?.Kind);
        }
        finally
        {
            await host.DisposeAsync();
        }
    }
}
