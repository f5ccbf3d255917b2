using System.Net;
using EngageBot.Channels;

namespace EngageBot.Tests.Slack;

public sealed class SlackEventMappingTests : IClassFixture<SlackHost>
{
    private const string Ts = "1793610000.000100";
    private readonly SlackHost _host;

    public SlackEventMappingTests(SlackHost host)
    {
        _host = host;
        _host.Reset();
    }

    private T Single<T>() where T : ChatEvent => Assert.IsType<T>(Assert.Single(_host.Inbox.Accepted));

    private async Task PostAsync(System.Text.Json.Nodes.JsonObject ev, string eventId, int? retry = null)
    {
        var response = await _host.PostEventAsync(SlackPayloads.Envelope(ev, eventId), retry);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task A_partner_message_becomes_a_top_level_MessagePosted()
    {
        await PostAsync(SlackPayloads.Message(Ts, "Our deal registration is stuck"), "Ev01");

        var posted = Single<MessagePosted>();
        Assert.Equal(new ConversationRef(ChatPlatform.Slack, SlackPayloads.Channel), posted.Conversation);
        Assert.Equal(Ts, posted.MessageId);
        Assert.Equal("Our deal registration is stuck", posted.Text);
        Assert.False(posted.IsThreadReply);
        Assert.False(posted.MentionsBot);
        Assert.Equal(AuthorKind.Partner, posted.Actor!.Kind);
        Assert.Equal(SlackPayloads.PartnerTeam, posted.Actor.HomeTeamId);
        Assert.Equal(DateTimeOffset.FromUnixTimeSeconds(1793610000), posted.Timestamp);
    }

    [Fact]
    public async Task A_thread_reply_carries_the_root_as_ThreadId()
    {
        await PostAsync(SlackPayloads.Message("1793610050.000200", "any update?", threadTs: Ts), "Ev02");

        var posted = Single<MessagePosted>();
        Assert.Equal(Ts, posted.Conversation.ThreadId);
        Assert.True(posted.IsThreadReply);
    }

    [Fact]
    public async Task A_direct_message_to_the_bot_is_marked_IsDirect()
    {
        var dm = SlackPayloads.Message(Ts, "quick question");
        dm["channel"] = "D0DIRECT1";
        dm["channel_type"] = "im";
        await PostAsync(dm, "Ev02b");

        var posted = Single<MessagePosted>();
        Assert.True(posted.IsDirect);
        Assert.Equal("D0DIRECT1", posted.Conversation.ChannelId);
    }

    [Fact]
    public async Task A_retried_event_is_accepted_once()
    {
        var ev = SlackPayloads.Message(Ts, "hello");
        await PostAsync(ev, "Ev03");
        await PostAsync(ev, "Ev03", retry: 1);
        await PostAsync(ev, "Ev03", retry: 2);

        Single<MessagePosted>();
        Assert.Equal(3, _host.Inbox.Offered);
    }

    [Fact]
    public async Task An_event_that_cannot_be_stored_is_not_acked_so_slacks_retry_delivers_it()
    {
        var body = SlackPayloads.Envelope(SlackPayloads.Message(Ts, "during an outage"), "Ev03b");
        _host.Inbox.Unavailable = true;
        var first = await _host.PostEventAsync(body);
        _host.Inbox.Unavailable = false;
        var retry = await _host.PostEventAsync(body, retryNum: 1);

        Assert.Equal(HttpStatusCode.InternalServerError, first.StatusCode);
        Assert.Equal(HttpStatusCode.OK, retry.StatusCode);
        Assert.Equal("during an outage", Single<MessagePosted>().Text);
    }

    [Fact]
    public async Task A_mention_arriving_as_message_and_app_mention_is_one_event_marked_MentionsBot()
    {
        var text = $"<@{SlackHost.BotUserId}> can you open a ticket?";
        await PostAsync(SlackPayloads.Message(Ts, text), "Ev04a");
        await PostAsync(SlackPayloads.AppMention(Ts, text), "Ev04b");

        var posted = Single<MessagePosted>();
        Assert.True(posted.MentionsBot);
    }

    [Fact]
    public async Task An_app_mention_alone_is_a_MessagePosted_that_mentions_the_bot()
    {
        await PostAsync(SlackPayloads.AppMention(Ts, "<@U0ENGAGEBOT> help"), "Ev05");
        Assert.True((Single<MessagePosted>()).MentionsBot);
    }

    [Fact]
    public async Task An_edit_becomes_MessageEdited_of_the_original_ts()
    {
        await PostAsync(SlackPayloads.MessageChanged(Ts, "old text", "new text", "1793610090.000900"), "Ev06");

        var edited = Single<MessageEdited>();
        Assert.Equal(Ts, edited.MessageId);
        Assert.Equal("new text", edited.NewText);
        Assert.Equal(SlackPayloads.PartnerUser, edited.Actor!.Id);
    }

    [Fact]
    public async Task A_message_changed_without_a_text_change_is_not_an_edit()
    {
        await PostAsync(SlackPayloads.MessageChanged(Ts, "same", "same", "1793610090.000900"), "Ev07");
        Assert.Empty(_host.Inbox.Accepted);
    }

    [Fact]
    public async Task A_deletion_becomes_MessageDeleted()
    {
        await PostAsync(SlackPayloads.MessageDeleted(Ts, "1793610095.000950"), "Ev08");
        Assert.Equal(Ts, (Single<MessageDeleted>()).MessageId);
    }

    [Fact]
    public async Task Another_bots_message_is_mapped_as_a_bot_author()
    {
        await PostAsync(SlackPayloads.BotMessage(Ts, "Build failed"), "Ev09");
        var posted = Single<MessagePosted>();
        Assert.Equal(AuthorKind.Bot, posted.Actor!.Kind);
    }

    [Fact]
    public async Task Our_own_bots_messages_are_ignored()
    {
        var ev = SlackPayloads.Message(Ts, "Ticket T-1 opened", user: SlackHost.BotUserId, team: SlackHost.OurTeam);
        ev["bot_id"] = "B0ENGAGEBOT";
        await PostAsync(ev, "Ev10");
        Assert.Empty(_host.Inbox.Accepted);
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task Reactions_become_ReactionChanged(bool added)
    {
        await PostAsync(SlackPayloads.Reaction(added, "ticket", Ts), "Ev11" + added);

        var reaction = Single<ReactionChanged>();
        Assert.Equal(Ts, reaction.MessageId);
        Assert.Equal("ticket", reaction.Reaction);
        Assert.Equal(added, reaction.Added);
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task People_joining_and_leaving_become_MembershipChanged(bool joined)
    {
        await PostAsync(SlackPayloads.Member(joined, SlackPayloads.PartnerUser, inviter: joined ? SlackPayloads.InternalUser : null), "Ev12" + joined);

        var membership = Single<MembershipChanged>();
        Assert.Equal(joined, membership.Joined);
        Assert.Equal(SlackPayloads.PartnerUser, membership.Member.Id);
        Assert.Equal(AuthorKind.Partner, membership.Member.Kind);
    }

    [Fact]
    public async Task Our_bot_joining_a_channel_becomes_BotMembershipChanged_with_the_channel_name()
    {
        _host.Directory.AddSlackPerson(SlackPayloads.InternalUser, "Sam Internal");
        await PostAsync(SlackPayloads.Member(true, SlackHost.BotUserId, SlackHost.OurTeam, inviter: SlackPayloads.InternalUser), "Ev13");

        var joined = Single<BotMembershipChanged>();
        Assert.True(joined.Added);
        Assert.Equal("partner-acme", joined.ChannelName);
        Assert.Equal(AuthorKind.Internal, joined.Actor!.Kind);
    }

    [Fact]
    public async Task Unmodelled_events_and_meta_subtypes_are_acknowledged_and_ignored()
    {
        var topic = SlackPayloads.Message(Ts, "set the topic");
        topic["subtype"] = "channel_topic";
        await PostAsync(topic, "Ev14a");
        await PostAsync(new() { ["type"] = "channel_created", ["channel"] = new System.Text.Json.Nodes.JsonObject { ["id"] = "C9", ["name"] = "x" } }, "Ev14b");
        Assert.Empty(_host.Inbox.Accepted);
    }
}
