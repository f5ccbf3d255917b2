using EngageBot.Cards;
using EngageBot.Channels;
using EngageBot.Features.Directory.Linking;
using static EngageBot.Tests.Directory.ChannelLinkWorld;

namespace EngageBot.Tests.Directory;

/// <summary>"link" in a channel: the card by DM, answered by the same handler as the bot-added prompt.</summary>
public sealed class ChannelLinkCommandTests : IAsyncLifetime
{
    private readonly ChannelLinkWorld _world = new();
    private readonly ChannelLinkCommandHandler _command;

    public ChannelLinkCommandTests() => _command = new ChannelLinkCommandHandler(_world.Directory.Reader, _world.Outbox, new CardLibrary());

    public Task InitializeAsync() => _world.ImportSampleAsync();

    public Task DisposeAsync()
    {
        _world.Dispose();
        return Task.CompletedTask;
    }

    private static CommandInvoked Link(string channel, ChatUser actor, string dedup = "cmd-1", bool isDirect = false) =>
        new(dedup, DateTimeOffset.UnixEpoch, new ConversationRef(ChatPlatform.Slack, channel), actor, BotCommands.SlashCommand, "link", IsDirect: isDirect);

    [Fact]
    public async Task An_internal_person_gets_the_link_card_by_dm_and_their_answer_links_the_channel()
    {
        await _command.HandleAsync(Link("C0LATECHAN", Priya), CancellationToken.None);

        var card = Assert.Single(_world.Outbox.All, s => s.Target == DeliveryTarget.Direct(ChatPlatform.Slack, "U07PRIYA01")).Message.Card!;
        var reply = Assert.Single(_world.Outbox.All, s => s.Target.Kind == DeliveryKind.Ephemeral);
        Assert.Contains("direct message", reply.Message.Text);
        var data = card["actions"]![0]!["data"]!.AsObject().DeepClone().AsObject();
        Assert.Equal(("C0LATECHAN", "slack"), ((string?)data["channel"], (string?)data["platform"]));

        data["partnerId"] = "northwind";
        var answer = _world.Answer(Priya, data);
        await _world.Action.HandleAsync(answer, CancellationToken.None);
        Assert.Equal("northwind", (await _world.Directory.Reader.GetSnapshotAsync()).PartnerIdByChannel(ChatPlatform.Slack, "C0LATECHAN"));
    }

    [Fact]
    public async Task A_linked_channel_can_be_relinked_and_the_dm_says_where_it_is_now()
    {
        await _command.HandleAsync(Link("C0LATECHAN", Priya), CancellationToken.None);
        var data = _world.Outbox.All[0].Message.Card!["actions"]![0]!["data"]!.AsObject().DeepClone().AsObject();
        data["partnerId"] = "northwind";
        await _world.Action.HandleAsync(_world.Answer(Priya, data), CancellationToken.None);

        await _command.HandleAsync(Link("C0LATECHAN", Priya, dedup: "cmd-2"), CancellationToken.None);

        var second = _world.Outbox.All.Last(s => s.Target.Kind == DeliveryKind.DirectMessage);
        Assert.Contains("linked to Northwind", second.Message.Text);
    }

    [Theory]
    [InlineData("C07NWSHARED", false, "directory file")]
    [InlineData("D0PRIYADM", true, "Run link in the channel")]
    [InlineData("C07TRIAGE01", false, "internal triage channel of Kookaburra Integrations Pty Ltd (kookaburra), Northwind")]
    public async Task A_channel_the_file_assigns_or_a_dm_gets_an_explanation_and_no_card(string channel, bool isDirect, string expected)
    {
        await _command.HandleAsync(Link(channel, Priya, isDirect: isDirect), CancellationToken.None);

        var reply = Assert.Single(_world.Outbox.All);
        Assert.Equal(DeliveryKind.Ephemeral, reply.Target.Kind);
        Assert.Contains(expected, reply.Message.Text);
    }

    [Fact]
    public async Task Partners_may_not_link()
    {
        await _command.HandleAsync(Link("C07NWSHARED", PartnerUser), CancellationToken.None);

        var reply = Assert.Single(_world.Outbox.All);
        Assert.Contains("Only people in the EngageBot directory", reply.Message.Text);
    }

    [Fact]
    public async Task Other_commands_are_not_its_business()
    {
        await _command.HandleAsync(new CommandInvoked("cmd-9", DateTimeOffset.UnixEpoch, new ConversationRef(ChatPlatform.Slack, "C0LATECHAN"), Priya, BotCommands.SlashCommand, "tickets"), CancellationToken.None);

        Assert.Empty(_world.Outbox.All);
    }
}
