using EngageBot.Cards;
using System.Text.Json.Nodes;
using EngageBot.Channels;
using EngageBot.Features.Directory.Linking;
using Microsoft.Extensions.Logging.Abstractions;
using static EngageBot.Tests.Directory.ChannelLinkWorld;

namespace EngageBot.Tests.Directory;

public sealed class ChannelLinkingTests : IAsyncLifetime
{
    private readonly ChannelLinkWorld _world = new();
    private readonly ChannelLinkPromptHandler _prompt;

    public ChannelLinkingTests() => _prompt = new ChannelLinkPromptHandler(_world.Directory.Reader, _world.Outbox, new CardLibrary(), NullLogger<ChannelLinkPromptHandler>.Instance);

    public Task InitializeAsync() => _world.ImportSampleAsync();

    public Task DisposeAsync()
    {
        _world.Dispose();
        return Task.CompletedTask;
    }

    private static BotMembershipChanged Added(ChatPlatform platform, string channel, ChatUser? actor, string dedup = "evt-1") =>
        new(dedup, DateTimeOffset.UnixEpoch, new ConversationRef(platform, channel), actor, Added: true, ChannelName: "acme-new");

    [Fact]
    public async Task Internal_person_who_added_the_bot_gets_the_link_card_by_direct_message()
    {
        await _prompt.HandleAsync(Added(ChatPlatform.Slack, "C0NEWCHAN", Priya), CancellationToken.None);

        var (key, target, message) = Assert.Single(_world.Outbox.All);
        Assert.Equal(DeliveryTarget.Direct(ChatPlatform.Slack, "U07PRIYA01"), target);
        Assert.Contains("priya.nair", key);
        var card = message.Card!;
        Assert.Equal(("AdaptiveCard", "1.5"), ((string?)card["type"], (string?)card["version"]));
        var choices = card["body"]!.AsArray().Single(e => (string?)e!["type"] == "Input.ChoiceSet")!;
        Assert.Equal(ChannelLinkCard.PartnerInput, (string?)choices["id"]);
        Assert.Equal(["kookaburra", "northwind", "sakura-digital", "tulip-systems"], choices["choices"]!.AsArray().Select(c => (string?)c!["value"]));
        var execute = card["actions"]![0]!;
        Assert.Equal(("Action.Execute", "channel.link"), ((string?)execute["type"], (string?)execute["verb"]));
        Assert.Equal("C0NEWCHAN", (string?)execute["data"]!["channel"]);
        Assert.Equal("slack", (string?)execute["data"]!["platform"]);
    }

    [Fact]
    public async Task Unknown_adder_means_every_admin_on_that_platform_is_asked()
    {
        await _prompt.HandleAsync(Added(ChatPlatform.Teams, "19:new@thread.tacv2", PartnerUser), CancellationToken.None);

        var sent = Assert.Single(_world.Outbox.All);
        Assert.Equal(DeliveryTarget.Direct(ChatPlatform.Teams, "5e6f7a8b-9c0d-4e1f-a2b3-c4d5e6f7a8b9"), sent.Target);
        Assert.Equal("teams", (string?)sent.Message.Card!["actions"]![0]!["data"]!["platform"]);
    }

    [Fact]
    public async Task Redelivered_event_uses_the_same_idempotency_key()
    {
        await _prompt.HandleAsync(Added(ChatPlatform.Slack, "C0NEWCHAN", null), CancellationToken.None);
        await _prompt.HandleAsync(Added(ChatPlatform.Slack, "C0NEWCHAN", null), CancellationToken.None);

        Assert.Equal(2, _world.Outbox.Keys.Count);
        Assert.Single(_world.Outbox.Keys.Distinct());
    }

    [Fact]
    public async Task Claimed_channels_and_other_events_prompt_nobody()
    {
        await _prompt.HandleAsync(Added(ChatPlatform.Slack, "C07NWSHARED", Priya), CancellationToken.None);
        await _prompt.HandleAsync(Added(ChatPlatform.Slack, "C0NEWCHAN", Priya) with { Added = false }, CancellationToken.None);
        await _prompt.HandleAsync(new MessagePosted("m", DateTimeOffset.UnixEpoch, new ConversationRef(ChatPlatform.Slack, "C0NEWCHAN"), Priya, "1", "hi"), CancellationToken.None);

        Assert.Empty(_world.Outbox.Keys);
    }

    [Theory]
    [InlineData("Slack", "C07TRIAGE01")]
    [InlineData("Teams", "19:9d8c7b6a5f4e4d3c2b1a0f9e8d7c6b5a@thread.tacv2")]
    [InlineData("Teams", "19:3c0f8a1b2d4e4f6a8b9c0d1e2f3a4b5c@thread.tacv2")]
    public async Task Adding_the_bot_to_a_channel_the_directory_knows_asks_nobody_to_link_it(string platformName, string channel)
    {
        var platform = ChatPlatform.Parse(platformName);
        await _prompt.HandleAsync(Added(platform, channel, Priya), CancellationToken.None);
        await _prompt.HandleAsync(Added(platform, channel, null, dedup: "evt-2"), CancellationToken.None);

        Assert.Empty(_world.Outbox.Keys);
    }

    [Fact]
    public async Task An_old_link_card_cannot_turn_an_internal_triage_channel_into_a_partner_channel()
    {
        var result = await _world.Action.HandleAsync(_world.Answer(Priya, new JsonObject { ["channel"] = "C07TRIAGE01", ["platform"] = "slack", ["partnerId"] = "sakura-digital" }), CancellationToken.None);

        Assert.Contains("internal triage channel", result.UpdatedCard!.ToJsonString());
        Assert.Null(await _world.Directory.Reader.FindPartnerIdByChannelAsync(ChatPlatform.Slack, "C07TRIAGE01"));
    }

    [Fact]
    public async Task Answer_links_the_channel_at_once_and_replaces_the_card()
    {
        var result = await _world.Action.HandleAsync(_world.Answer(Priya, new JsonObject { ["channel"] = "C0NEWCHAN", ["platform"] = "slack", ["channelName"] = "acme-new", ["partnerId"] = "northwind" }), CancellationToken.None);

        var text = result.UpdatedCard!.ToJsonString();
        Assert.Contains("#acme-new is linked to Northwind Cloud Partners (northwind)", text);
        Assert.Contains("Linked by Priya Nair", text);
        Assert.Equal("northwind", await _world.Directory.Reader.FindPartnerIdByChannelAsync(ChatPlatform.Slack, "C0NEWCHAN"));

        var otherInstance = _world.Directory.NewReader();
        Assert.Equal("northwind", await otherInstance.FindPartnerIdByChannelAsync(ChatPlatform.Slack, "C0NEWCHAN"));
    }

    [Fact]
    public async Task Chat_link_survives_reimport_and_the_import_says_so()
    {
        await _world.Action.HandleAsync(_world.Answer(Priya, new JsonObject { ["channel"] = "C0NEWCHAN", ["platform"] = "slack", ["partnerId"] = "northwind" }), CancellationToken.None);

        var report = await _world.Directory.ImportAsync(DirectoryYaml.Sample.Replace("name: Wingtip Toys", "name: Wingtip Toys Ltd", StringComparison.Ordinal));

        Assert.Equal("northwind", await _world.Directory.Reader.FindPartnerIdByChannelAsync(ChatPlatform.Slack, "C0NEWCHAN"));
        Assert.Contains(report.Lines(), l => l.Contains("Slack channel 'C0NEWCHAN' is linked to 'northwind' in chat only", StringComparison.Ordinal));
    }

    [Fact]
    public async Task File_claiming_a_chat_linked_channel_wins()
    {
        await _world.Action.HandleAsync(_world.Answer(Priya, new JsonObject { ["channel"] = "C0NEWCHAN", ["platform"] = "slack", ["partnerId"] = "northwind" }), CancellationToken.None);

        var report = await _world.Directory.ImportAsync(DirectoryYaml.Sample.Replace("channels: [C07KOOKA001]", "channels: [C07KOOKA001, C0NEWCHAN]", StringComparison.Ordinal));

        Assert.Equal("kookaburra", await _world.Directory.Reader.FindPartnerIdByChannelAsync(ChatPlatform.Slack, "C0NEWCHAN"));
        Assert.Contains(report.Lines(), l => l.Contains("the file wins", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Only_internal_people_may_link()
    {
        var result = await _world.Action.HandleAsync(_world.Answer(PartnerUser, new JsonObject { ["channel"] = "C0NEWCHAN", ["platform"] = "slack", ["partnerId"] = "northwind" }), CancellationToken.None);

        Assert.Null(result.UpdatedCard);
        Assert.Contains("Only people in the EngageBot directory", result.Message);
        Assert.Null(await _world.Directory.Reader.FindPartnerIdByChannelAsync(ChatPlatform.Slack, "C0NEWCHAN"));
    }

    [Fact]
    public async Task Teams_user_is_recognised_by_aad_object_id()
    {
        var lena = new ChatUser("29:1abcdef", "Lena", AuthorKind.Internal, AadObjectId: "8b1d4e7f-2c3a-4b5d-8e9f-0a1b2c3d4e5f");

        var result = await _world.Action.HandleAsync(_world.Answer(lena, new JsonObject { ["channel"] = "19:new@thread.tacv2", ["platform"] = "teams", ["partnerId"] = "tulip-systems" }, ChatPlatform.Teams), CancellationToken.None);

        Assert.Contains("Linked by Lena Vogel", result.UpdatedCard!.ToJsonString());
        Assert.Equal("tulip-systems", await _world.Directory.Reader.FindPartnerIdByChannelAsync(ChatPlatform.Teams, "19:new@thread.tacv2"));
    }

    [Theory]
    [InlineData(null, "Choose a partner.")]
    [InlineData("initech", "There is no partner 'initech' any more; choose another.")]
    public async Task Missing_or_unknown_partner_is_shown_on_the_form(string? partner, string expected)
    {
        var data = new JsonObject { ["channel"] = "C0NEWCHAN", ["platform"] = "slack" };
        if (partner is not null) data["partnerId"] = partner;

        var result = await _world.Action.HandleAsync(_world.Answer(Priya, data), CancellationToken.None);

        Assert.Equal(expected, result.Errors![ChannelLinkCard.PartnerInput]);
    }

    [Fact]
    public async Task Linking_a_channel_the_file_already_claims_changes_nothing()
    {
        var result = await _world.Action.HandleAsync(_world.Answer(Priya, new JsonObject { ["channel"] = "C07NWSHARED", ["platform"] = "slack", ["partnerId"] = "kookaburra" }), CancellationToken.None);

        Assert.Contains("already belongs to Northwind Cloud Partners", result.UpdatedCard!.ToJsonString());
        Assert.Equal("northwind", await _world.Directory.Reader.FindPartnerIdByChannelAsync(ChatPlatform.Slack, "C07NWSHARED"));
    }
}
