using System.Text.Json.Nodes;
using EngageBot.Channels;
using EngageBot.Channels.Inbox;

namespace EngageBot.Tests.Channels;

public sealed class ChatEventJsonTests
{
    private static readonly DateTimeOffset At = new(2026, 11, 2, 9, 0, 0, TimeSpan.Zero);
    private static readonly ConversationRef Conversation = new(ChatPlatform.Teams, "19:abc@thread.tacv2", "1700000000");
    private static readonly ChatUser Actor = new("29:x", "Ana", AuthorKind.Internal, "aad-1", "tenant-1");

    public static TheoryData<ChatEvent> Events() =>
    [
        new MessagePosted("e1", At, Conversation, Actor, "m1", "hi <at>bot</at>", MentionsBot: true),
        new MessageEdited("e2", At, Conversation, Actor, "m1", "edited"),
        new MessageDeleted("e3", At, Conversation, null, "m1"),
        new ReactionChanged("e4", At, Conversation, Actor, "m1", "ticket", Added: true),
        new MembershipChanged("e5", At, Conversation, Actor, new ChatUser("29:y", null, AuthorKind.Partner), Joined: false),
        new BotMembershipChanged("e6", At, Conversation, Actor, Added: true, "General"),
        new CommandInvoked("e8", At, Conversation, Actor, "/engagebot", "ticket open", "trig", IsDirect: true),
        new MessageActionInvoked("e9", At, Conversation, Actor, "make-ticket", "m1", "text"),
    ];

    [Theory]
    [MemberData(nameof(Events))]
    public void Every_event_kind_round_trips(ChatEvent chatEvent)
    {
        Assert.Equal(chatEvent, ChatEventJson.Deserialize(ChatEventJson.Serialize(chatEvent)));
    }

    [Fact]
    public void Card_actions_keep_their_data_object()
    {
        var data = new JsonObject { ["verb"] = "ticket.close", ["inputs"] = new JsonObject { ["reason"] = "done", ["n"] = 3 } };
        var action = new CardActionInvoked("e7", At, Conversation, Actor, "ticket.close", data, new MessageRef(Conversation, "m9"), "trig");

        var json = ChatEventJson.Serialize(action);
        var back = Assert.IsType<CardActionInvoked>(ChatEventJson.Deserialize(json));

        Assert.Contains("\"$type\":\"card-action-invoked\"", json);
        Assert.True(JsonNode.DeepEquals(data, back.Data));
        Assert.Equal((action.Verb, action.SourceMessage, action.TriggerId, action.Actor), (back.Verb, back.SourceMessage, back.TriggerId, back.Actor));
    }
}
