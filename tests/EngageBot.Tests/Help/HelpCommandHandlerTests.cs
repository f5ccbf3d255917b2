using EngageBot.Channels;
using EngageBot.Features.Help;

namespace EngageBot.Tests.Help;

public sealed class HelpCommandHandlerTests
{
    private readonly RecordingOutbox _outbox = new();

    [Theory]
    [InlineData("/engagebot", "help")]
    [InlineData("/engagebot", "")]
    [InlineData("help", "")]
    public async Task Help_and_a_bare_slash_command_answer_the_asker_privately(string command, string arguments)
    {
        await Handle(Command(command, arguments, AuthorKind.Partner));

        var (key, target, message) = Assert.Single(_outbox.Enqueued);
        Assert.Equal("help|cmd-1", key);
        Assert.Equal(DeliveryKind.Ephemeral, target.Kind);
        Assert.Equal("U1", target.UserId);
        Assert.StartsWith("You can use:", message.Text);
        Assert.Contains("/engagebot tickets", message.Text);
        Assert.Contains("/engagebot concern TEXT", message.Text);
        Assert.DoesNotContain("resolve", message.Text); // partners cannot change a ticket's status
    }

    [Fact]
    public async Task Our_people_see_every_command()
    {
        await Handle(Command("/engagebot", "help", AuthorKind.Internal));

        var text = Assert.Single(_outbox.Enqueued).Message.Text;
        Assert.All(BotCommands.All, word => Assert.Contains($"/engagebot {word}", text));
    }

    [Fact]
    public async Task An_unknown_word_is_named_and_answered_with_the_list()
    {
        await Handle(Command("/engagebot", "tikcets acme", AuthorKind.Internal));

        Assert.StartsWith("I don't know \"tikcets\". You can use:", Assert.Single(_outbox.Enqueued).Message.Text);
    }

    [Fact]
    public async Task Teams_answers_name_the_bot_mention_instead_of_the_slash_command()
    {
        await Handle(Command("help", "", AuthorKind.Internal, ChatPlatform.Teams));

        var text = Assert.Single(_outbox.Enqueued).Message.Text;
        Assert.Contains("@EngageBot tickets", text);
        Assert.DoesNotContain("/engagebot", text);
    }

    [Theory]
    [InlineData("/engagebot", "tickets")]
    [InlineData("concern", "they are unhappy")]
    public async Task Commands_other_features_handle_get_no_help(string command, string arguments)
    {
        await Handle(Command(command, arguments, AuthorKind.Internal));

        Assert.Empty(_outbox.Enqueued);
    }

    [Fact]
    public async Task Other_events_are_ignored()
    {
        await Handle(new MessagePosted("m-1", DateTimeOffset.UnixEpoch, new ConversationRef(ChatPlatform.Slack, "C1"),
            new ChatUser("U1", "Pat", AuthorKind.Partner), "1.0", "help"));

        Assert.Empty(_outbox.Enqueued);
    }

    private Task Handle(ChatEvent chatEvent) => new HelpCommandHandler(_outbox, new ChatPlatforms([new EngageBot.Channels.Slack.SlackPlatform(), new EngageBot.Channels.Teams.TeamsPlatform()])).HandleAsync(chatEvent, default);

    private static CommandInvoked Command(string command, string arguments, AuthorKind kind, ChatPlatform? on = null) =>
        new("cmd-1", DateTimeOffset.UnixEpoch, new ConversationRef(on ?? ChatPlatform.Slack, "C1"), new ChatUser("U1", "Pat", kind), command, arguments);
}
