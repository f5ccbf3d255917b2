using System.Text.Json;
using System.Text.Json.Nodes;
using EngageBot.BotFramework.Schema;
using EngageBot.Channels;
using EngageBot.Channels.Teams;
using EngageBot.TestSupport;
using Microsoft.Extensions.Options;

namespace EngageBot.Tests.Teams;

/// <summary>Teams payloads shaped like the documented examples (protocols.md A.4) mapped to neutral chat events.</summary>
public sealed class TeamsActivityMapperTests
{
    private const string Service = "https://smba.trafficmanager.net/amer/";
    private const string PartnerTenant = "partner-tenant-0000";
    private readonly FakeDirectoryLookup _directory = new();
    private readonly TeamsActivityMapper _mapper;

    public TeamsActivityMapperTests()
    {
        var options = Options.Create(new TeamsOptions { AppId = TeamsHost.AppId, TenantId = TeamsHost.TenantId });
        _mapper = new TeamsActivityMapper(new TeamsAuthorClassifier(_directory, options), new ManualTimeProvider());
    }

    [Fact]
    public async Task Top_level_channel_mention_is_a_message_with_the_mention_stripped()
    {
        var message = Assert.IsType<MessagePosted>(Assert.Single(await MapAsync(TeamsActivities.ChannelMention(Service, id: "1481567603816"))));

        Assert.Equal("status of order 42?", message.Text);
        Assert.True(message.MentionsBot);
        Assert.False(message.IsThreadReply);
        Assert.Equal(new ConversationRef(ChatPlatform.Teams, TeamsActivities.ChannelId, "1481567603816"), message.Conversation);
        Assert.Equal("teams:1481567603816:message", message.DedupKey);
        Assert.Equal(DateTimeOffset.Parse("2026-11-02T09:00:00Z", System.Globalization.CultureInfo.InvariantCulture), message.Timestamp);
    }

    [Fact]
    public async Task Reply_in_a_thread_keeps_the_root_as_thread_id()
    {
        var message = Assert.IsType<MessagePosted>(Assert.Single(await MapAsync(TeamsActivities.ChannelMention(Service, id: "1700000000002", rootId: "1700000000001"))));

        Assert.True(message.IsThreadReply);
        Assert.Equal("1700000000001", message.Conversation.ThreadId);
    }

    [Fact]
    public async Task Personal_chat_message_is_direct()
    {
        var message = Assert.IsType<MessagePosted>(Assert.Single(await MapAsync(TeamsActivities.PersonalMessage(Service, "p1", "29:1pat", "aad-pat"))));

        Assert.True(message.IsDirect);
        Assert.False(message.MentionsBot);
        Assert.Equal("a:personal-p1", message.Conversation.ChannelId);
    }

    [Fact]
    public async Task Out_of_tenant_user_in_a_shared_channel_is_a_partner()
    {
        var message = Assert.Single(await MapAsync(TeamsActivities.ChannelMention(Service, fromTenant: PartnerTenant)));

        Assert.Equal(AuthorKind.Partner, message.Actor!.Kind);
        Assert.Equal(PartnerTenant, message.Actor.HomeTeamId);
    }

    [Fact]
    public async Task Directory_person_is_internal_and_bots_are_bots()
    {
        _directory.AddTeamsPerson("aad-manager", "Morgan");
        var fromManager = Assert.Single(await MapAsync(Without(TeamsActivities.ChannelMention(Service, aadObjectId: "aad-manager"), "from", "tenantId")));
        var bot = TeamsActivities.ChannelMention(Service);
        bot["from"] = new JsonObject { ["id"] = "28:other-bot", ["name"] = "Other" };

        Assert.Equal(AuthorKind.Internal, fromManager.Actor!.Kind);
        Assert.Equal(AuthorKind.Bot, Assert.Single(await MapAsync(bot)).Actor!.Kind);
    }

    [Fact]
    public async Task Same_tenant_user_outside_the_directory_is_internal_and_guests_are_partners()
    {
        // As documented, a channel message's from has no tenantId: conversation.tenantId (ours) is the sender's tenant.
        var colleague = Without(TeamsActivities.ChannelMention(Service, aadObjectId: "aad-nobody"), "from", "tenantId");
        var guest = Without(TeamsActivities.ChannelMention(Service, aadObjectId: "aad-guest"), "from", "tenantId");
        guest["from"]!["userRole"] = "guest";

        Assert.Equal(AuthorKind.Internal, Assert.Single(await MapAsync(colleague)).Actor!.Kind);
        Assert.Equal(AuthorKind.Partner, Assert.Single(await MapAsync(guest)).Actor!.Kind);
    }

    [Fact]
    public async Task Edit_and_soft_delete_map_to_edited_and_deleted()
    {
        var edit = TeamsActivities.ChannelMention(Service, id: "1700000000005");
        edit["type"] = "messageUpdate";
        edit["text"] = "corrected <b>text</b>";
        edit["channelData"]!["eventType"] = "editMessage";
        var delete = TeamsActivities.ChannelMention(Service, id: "1700000000005");
        delete["type"] = "messageDelete";
        delete["channelData"]!["eventType"] = "softDeleteMessage";

        var edited = Assert.IsType<MessageEdited>(Assert.Single(await MapAsync(edit)));
        var deleted = Assert.IsType<MessageDeleted>(Assert.Single(await MapAsync(delete)));

        Assert.Equal(("1700000000005", "corrected text"), (edited.MessageId, edited.NewText));
        Assert.Equal("1700000000005", deleted.MessageId);
    }

    [Fact]
    public async Task Reactions_are_normalized_and_each_gets_its_own_dedup_key()
    {
        var reaction = TeamsActivities.ChannelMention(Service, id: "r-1");
        reaction["type"] = "messageReaction";
        reaction["replyToId"] = "1700000000009";
        reaction["reactionsAdded"] = new JsonArray(new JsonObject { ["type"] = "like" }, new JsonObject { ["type"] = "1f680_rocket" });
        reaction["reactionsRemoved"] = new JsonArray(new JsonObject { ["type"] = "heart" });

        var events = (await MapAsync(reaction)).Cast<ReactionChanged>().ToList();

        Assert.Equal(new[] { ("+1", true), ("1f680_rocket", true), ("heart", false) }, events.Select(e => (e.Reaction, e.Added)));
        Assert.All(events, e => Assert.Equal("1700000000009", e.MessageId));
        Assert.Equal(3, events.Select(e => e.DedupKey).Distinct().Count());
    }

    [Fact]
    public async Task Bot_added_to_a_team_is_a_bot_membership_change_in_the_selected_channel()
    {
        var added = Assert.IsType<BotMembershipChanged>(Assert.Single(await MapAsync(TeamsActivities.BotAddedToTeam(Service))));

        Assert.True(added.Added);
        Assert.Equal("Partners", added.ChannelName);
        Assert.Equal(new ConversationRef(ChatPlatform.Teams, TeamsActivities.ChannelId), added.Conversation);
    }

    [Fact]
    public async Task External_member_joining_and_a_member_leaving_are_membership_changes()
    {
        var update = TeamsActivities.BotAddedToTeam(Service);
        update["membersAdded"] = new JsonArray(new JsonObject { ["id"] = "29:1ext", ["aadObjectId"] = "aad-ext", ["tenantId"] = PartnerTenant });
        update["membersRemoved"] = new JsonArray(new JsonObject { ["id"] = "29:1gone", ["aadObjectId"] = "aad-gone" });
        update["channelData"]!["eventType"] = "channelMemberAdded";

        var events = (await MapAsync(update)).Cast<MembershipChanged>().ToList();

        Assert.Equal(2, events.Count);
        Assert.True(events[0].Joined);
        Assert.Equal(AuthorKind.Partner, events[0].Member.Kind);
        Assert.False(events[1].Joined);
        Assert.Equal("29:1gone", events[1].Member.Id);
    }

    [Fact]
    public async Task Installation_add_and_remove_are_bot_membership_changes()
    {
        var install = TeamsActivities.BotAddedToTeam(Service);
        install["type"] = "installationUpdate";
        install["action"] = "remove";
        install.Remove("membersAdded");

        var removed = Assert.IsType<BotMembershipChanged>(Assert.Single(await MapAsync(install)));

        Assert.False(removed.Added);
    }

    [Fact]
    public async Task Channel_shared_needs_no_event()
    {
        var shared = TeamsActivities.BotAddedToTeam(Service);
        shared.Remove("membersAdded");
        shared["channelData"]!["eventType"] = "channelShared";
        shared["channelData"]!["sharedWithTeams"] = new JsonArray(new JsonObject { ["id"] = "19:x@thread.skype", ["tenantId"] = PartnerTenant, ["name"] = "Partner team" });

        Assert.Empty(await MapAsync(shared));
        Assert.Equal(PartnerTenant, Parse(shared).GetTeamsChannelData()!.SharedWithTeams![0].TenantId);
    }

    [Fact]
    public async Task Unknown_fields_survive_a_round_trip()
    {
        var json = TeamsActivities.ChannelMention(Service);
        json["futureField"] = new JsonObject { ["x"] = 1 };

        var roundTripped = JsonNode.Parse(JsonSerializer.Serialize(Parse(json), BotFrameworkJson.Options))!;

        Assert.Equal(1, roundTripped["futureField"]!["x"]!.GetValue<int>());
        await Task.CompletedTask;
    }

    private static JsonObject Without(JsonObject activity, string parent, string field)
    {
        ((JsonObject)activity[parent]!).Remove(field);
        return activity;
    }

    private static Activity Parse(JsonObject json) => json.Deserialize<Activity>(BotFrameworkJson.Options)!;

    private Task<IReadOnlyList<ChatEvent>> MapAsync(JsonObject json) => _mapper.MapAsync(Parse(json));
}
