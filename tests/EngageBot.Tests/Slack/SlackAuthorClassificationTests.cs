using EngageBot.Channels;

namespace EngageBot.Tests.Slack;

public sealed class SlackAuthorClassificationTests : IClassFixture<SlackHost>
{
    private readonly SlackHost _host;

    public SlackAuthorClassificationTests(SlackHost host)
    {
        _host = host;
        _host.Reset();
    }

    private async Task<ChatUser> AuthorOf(System.Text.Json.Nodes.JsonObject message)
    {
        await _host.PostEventAsync(SlackPayloads.Envelope(message, "Ev" + Guid.NewGuid().ToString("N")));
        return Assert.IsType<MessagePosted>(_host.Inbox.Accepted[^1]).Actor!;
    }

    [Fact]
    public async Task An_author_from_our_workspace_is_internal()
    {
        _host.Slack.AddUser("U0OURS1", SlackHost.OurTeam);
        var author = await AuthorOf(SlackPayloads.Message("1793610000.000101", "hi", user: "U0OURS1", team: SlackHost.OurTeam));
        Assert.Equal(AuthorKind.Internal, author.Kind);
    }

    [Fact]
    public async Task An_author_from_another_workspace_is_a_partner()
    {
        var author = await AuthorOf(SlackPayloads.Message("1793610000.000102", "hi", user: "U0THEIRS1", team: "T0OTHER"));
        Assert.Equal(AuthorKind.Partner, author.Kind);
    }

    [Fact]
    public async Task Someone_in_the_people_directory_is_internal_whatever_their_team()
    {
        _host.Directory.AddSlackPerson("U0GUESTPM", "Pat Manager");
        var author = await AuthorOf(SlackPayloads.Message("1793610000.000103", "hi", user: "U0GUESTPM", team: "T0OTHER"));
        Assert.Equal(AuthorKind.Internal, author.Kind);
        Assert.Equal("Pat Manager", author.DisplayName);
    }

    [Fact]
    public async Task Without_a_team_on_the_event_users_info_decides_and_is_cached()
    {
        _host.Slack.AddUser("U0LOOKUP1", "T0OTHER", name: "Lee");
        _host.Slack.AddUser("U0LOOKUP2", SlackHost.OurTeam);
        var before = _host.Slack.CallsTo("users.info").Count;

        var partner = await AuthorOf(SlackPayloads.Message("1793610000.000104", "hi", user: "U0LOOKUP1", team: null));
        await AuthorOf(SlackPayloads.Message("1793610000.000105", "again", user: "U0LOOKUP1", team: null));
        var internalAuthor = await AuthorOf(SlackPayloads.Message("1793610000.000106", "hi", user: "U0LOOKUP2", team: null));

        Assert.Equal(AuthorKind.Partner, partner.Kind);
        Assert.Equal("Lee", partner.DisplayName);
        Assert.Equal(AuthorKind.Internal, internalAuthor.Kind);
        Assert.Equal(2, _host.Slack.CallsTo("users.info").Count - before);
        Assert.All(_host.Slack.CallsTo("users.info"), c => Assert.Equal("Bearer xoxb-test-token", c.Authorization));
    }

    [Fact]
    public async Task A_stranger_is_a_partner_and_a_bot_user_is_a_bot()
    {
        _host.Slack.AddUser("U0STRANGER", SlackHost.OurTeam, isStranger: true);
        _host.Slack.AddUser("U0SOMEBOT", "T0OTHER", isBot: true);
        Assert.Equal(AuthorKind.Partner, (await AuthorOf(SlackPayloads.Message("1793610000.000107", "hi", user: "U0STRANGER", team: null))).Kind);
        Assert.Equal(AuthorKind.Bot, (await AuthorOf(SlackPayloads.Message("1793610000.000108", "hi", user: "U0SOMEBOT", team: null))).Kind);
    }

    [Fact]
    public async Task An_unknown_team_in_a_partner_linked_channel_is_the_partner_otherwise_unknown()
    {
        var unknown = await AuthorOf(SlackPayloads.Message("1793610000.000109", "hi", user: "U0NOBODY1", team: null));
        _host.Directory.PartnerByChannel[SlackPayloads.Channel] = "acme";
        var partner = await AuthorOf(SlackPayloads.Message("1793610000.000110", "hi", user: "U0NOBODY2", team: null));

        Assert.Equal(AuthorKind.Unknown, unknown.Kind);
        Assert.Equal(AuthorKind.Partner, partner.Kind);
    }
}
