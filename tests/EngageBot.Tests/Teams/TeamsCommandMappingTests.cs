using System.Text.Json;
using System.Text.Json.Nodes;
using EngageBot.BotFramework.Schema;
using EngageBot.Channels;
using EngageBot.Channels.Teams;
using EngageBot.TestSupport;
using Microsoft.Extensions.Options;

namespace EngageBot.Tests.Teams;

/// <summary>
/// Teams bot commands (menu picks and typed "@EngageBot tickets …") arrive as message activities shaped like the
/// documented mention example (protocols.md A.4) and map to the same CommandInvoked a Slack "/engagebot …" does.
/// </summary>
public sealed class TeamsCommandMappingTests
{
    private const string Service = "https://smba.trafficmanager.net/amer/";
    private readonly TeamsActivityMapper _mapper = new(
        new TeamsAuthorClassifier(new FakeDirectoryLookup(), Options.Create(new TeamsOptions { AppId = TeamsHost.AppId, TenantId = TeamsHost.TenantId })),
        new ManualTimeProvider());

    [Fact]
    public async Task A_channel_mention_starting_with_a_command_word_is_a_command_and_not_a_message()
    {
        var activity = Mention("<at>EngageBot</at> Tickets  acme", id: "1700000000002", rootId: "1700000000001");

        var command = Assert.IsType<CommandInvoked>(Assert.Single(await MapAsync(activity)));

        Assert.Equal((BotCommands.Tickets, "acme"), (command.Command, command.Arguments));
        Assert.Equal(new ConversationRef(ChatPlatform.Teams, TeamsActivities.ChannelId, "1700000000001"), command.Conversation);
        Assert.Equal(AuthorKind.Internal, command.Actor!.Kind);
        Assert.Null(command.TriggerId);
        Assert.False(command.IsDirect);
        Assert.Equal(BotCommands.Read(command), (BotCommands.Tickets, "acme"));
    }

    [Fact]
    public async Task A_redelivered_command_keeps_its_dedup_key_which_no_message_shares()
    {
        var activity = Mention("<at>EngageBot</at> concern they are evaluating a competitor");

        var first = Assert.Single(await MapAsync(activity));
        var retry = Assert.Single(await MapAsync(activity));
        var message = Assert.Single(await MapAsync(Mention("<at>EngageBot</at> any concern here?")));

        Assert.Equal("teams:1481567603816:command", first.DedupKey);
        Assert.Equal(first.DedupKey, retry.DedupKey);
        Assert.Equal("teams:1481567603816:message", message.DedupKey);
    }

    [Fact]
    public async Task A_command_in_a_personal_chat_needs_no_mention()
    {
        var activity = TeamsActivities.PersonalMessage(Service, "p1", "29:1pat", "aad-pat");
        activity["text"] = "resolve T-42";

        var command = Assert.IsType<CommandInvoked>(Assert.Single(await MapAsync(activity)));

        Assert.Equal((BotCommands.Resolve, "T-42"), (command.Command, command.Arguments));
        Assert.Equal("a:personal-p1", command.Conversation.ChannelId);
        Assert.True(command.IsDirect);
    }

    [Theory]
    [InlineData("<at>EngageBot</at> my tickets are late")]
    [InlineData("<at>EngageBot</at> ticket: the portal is down")]
    [InlineData("<at>EngageBot</at> ")]
    public async Task A_mention_not_starting_with_a_whole_command_word_stays_a_message(string text)
    {
        Assert.IsType<MessagePosted>(Assert.Single(await MapAsync(Mention(text))));
    }

    [Fact]
    public async Task A_channel_message_not_addressed_to_the_bot_stays_a_message()
    {
        // With RSC the bot sees every channel message; "tickets …" said to colleagues is conversation.
        var activity = Mention("tickets are piling up");
        activity.Remove("entities");

        var message = Assert.IsType<MessagePosted>(Assert.Single(await MapAsync(activity)));

        Assert.False(message.MentionsBot);
    }

    [Fact]
    public async Task Another_bots_message_is_never_a_command()
    {
        var activity = Mention("<at>EngageBot</at> tickets");
        activity["from"] = new JsonObject { ["id"] = "28:other-bot", ["name"] = "Other" };

        Assert.IsType<MessagePosted>(Assert.Single(await MapAsync(activity)));
    }

    private static JsonObject Mention(string text, string id = "1481567603816", string? rootId = null)
    {
        var activity = TeamsActivities.ChannelMention(Service, id, rootId);
        activity["text"] = text;
        return activity;
    }

    private Task<IReadOnlyList<ChatEvent>> MapAsync(JsonObject json) => _mapper.MapAsync(json.Deserialize<Activity>(BotFrameworkJson.Options)!);
}
