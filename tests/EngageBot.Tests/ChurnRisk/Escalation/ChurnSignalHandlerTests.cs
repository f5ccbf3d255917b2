using System.Text.Json.Nodes;
using EngageBot.Channels;
using EngageBot.Features.ChurnRisk.Detection;
using EngageBot.Features.ChurnRisk.Escalation;
using Microsoft.Extensions.DependencyInjection;

namespace EngageBot.Tests.ChurnRisk.Escalation;

public sealed class ChurnSignalHandlerTests : IDisposable
{
    private readonly EscalationWorld _world = new();

    [Fact]
    public async Task A_detected_customer_risk_goes_to_the_customers_account_owner_as_a_dm_card()
    {
        var posted = await _world.PostAsync("Globex will not renew in March.");

        var dm = Assert.Single(_world.Outbox.DirectMessages);
        Assert.Equal(DeliveryTarget.Direct(ChatPlatform.Slack, "U-CARLA"), dm.Target);
        var risk = await _world.SingleRiskAsync();
        Assert.Equal((ChurnKind.Customer, "Globex", ChurnSeverity.High, "carla", RiskStatus.Open), (risk.Kind, risk.Customer, risk.Severity, risk.OwnerId, risk.Status));
        Assert.Equal(_world.Clock.GetUtcNow() + TimeSpan.FromHours(4), risk.AckDeadline);
        var evidence = Assert.Single(risk.Evidence);
        Assert.Equal(posted.MessageId, evidence.MessageId);
        Assert.Equal($"https://slack.com/archives/C-ACME/p{posted.MessageId}", evidence.Link);
        var card = dm.Message.Card!.ToJsonString();
        Assert.Contains("Globex will not renew in March.", card);
        Assert.Contains("HIGH severity", card);
        Assert.Contains(evidence.Link!, card);
        Assert.Contains(CardVerbsIn(dm.Message.Card), v => v == "churn.acknowledge");
    }

    [Fact]
    public async Task A_customer_without_an_account_owner_goes_to_the_partners_owner()
    {
        await _world.PostAsync("Initech is threatening to cancel after the outage.");

        Assert.Equal(["U-OLIVIA"], _world.DmRecipients());
        var risk = await _world.SingleRiskAsync();
        Assert.Equal(("Initech", "olivia"), (risk.Customer, risk.OwnerId));
    }

    [Fact]
    public async Task A_partner_risk_goes_to_the_partners_owner()
    {
        await _world.PostAsync("We plan to terminate the reseller agreement.");

        Assert.Equal(["U-OLIVIA"], _world.DmRecipients());
        var risk = await _world.SingleRiskAsync();
        Assert.Equal((ChurnKind.Partner, (string?)null), (risk.Kind, risk.Customer));
    }

    [Fact]
    public async Task Ordinary_messages_internal_messages_and_bots_raise_nothing()
    {
        await _world.PostAsync("Thanks, the new release looks great!");
        await _world.PostAsync("Globex will not renew in March.", author: EscalationWorld.SlackInternal("U-OLIVIA"));
        await _world.PostAsync("Globex will not renew in March.", author: new ChatUser("B1", "bot", AuthorKind.Bot));

        Assert.Empty(_world.Outbox.All);
    }

    [Fact]
    public async Task A_second_signal_within_the_window_joins_the_open_risk_and_raises_its_severity()
    {
        await _world.PostAsync("Globex’s team is a bit disappointed with reporting, not urgent.");
        var first = await _world.SingleRiskAsync();
        Assert.Equal(ChurnSeverity.Low, first.Severity);

        _world.Clock.Advance(TimeSpan.FromDays(2));
        var second = await _world.PostAsync("Globex will not renew in March.");

        var risk = await _world.SingleRiskAsync();
        Assert.Equal(first.Id, risk.Id);
        Assert.Equal(ChurnSeverity.High, risk.Severity);
        Assert.Equal(2, risk.Evidence.Count);
        Assert.Equal(second.MessageId, risk.Evidence[1].MessageId);
        Assert.True(risk.AckDeadline <= _world.Clock.GetUtcNow() + TimeSpan.FromHours(4), "a more severe signal brings the deadline forward");
        Assert.Contains(await _world.AuditAsync(risk.Id), a => a.Action == "joined" && a.Detail!.Contains("severity raised to High"));
        Assert.All(_world.DmRecipients(), r => Assert.Equal("U-CARLA", r)); // the owner hears about the raise, nobody else
    }

    [Fact]
    public async Task A_signal_after_the_window_opens_a_new_risk()
    {
        await _world.PostAsync("Globex will not renew in March.");
        _world.Clock.Advance(_world.Options.JoinWindow + TimeSpan.FromMinutes(1));
        await _world.PostAsync("Globex will not renew in March.");

        var ids = _world.Outbox.DirectMessages.Select(d => d.Key.Split('|')[1]).Distinct().ToList();
        Assert.Equal(2, ids.Count);
    }

    [Fact]
    public async Task A_redelivered_message_neither_duplicates_evidence_nor_sends_again()
    {
        var posted = await _world.PostAsync("Globex will not renew in March.");
        await _world.Handler.HandleAsync(posted, CancellationToken.None);

        var risk = await _world.SingleRiskAsync();
        Assert.Single(risk.Evidence);
        Assert.Single(_world.Outbox.DirectMessages);
    }

    [Fact]
    public async Task Two_instances_seeing_signals_about_one_customer_at_once_open_one_risk()
    {
        var other = _world.Instance().GetRequiredService<ChurnSignalHandler>();
        MessagePosted Message(string id) => new($"evt-{id}", _world.Clock.GetUtcNow(), EscalationWorld.Channel(ChatPlatform.Slack),
            EscalationWorld.Partner(), id, "Globex will not renew in March.");

        await Task.WhenAll(_world.Handler.HandleAsync(Message("x1"), CancellationToken.None), other.HandleAsync(Message("x2"), CancellationToken.None));

        var risk = await _world.SingleRiskAsync();
        Assert.Equal(["x1", "x2"], risk.Evidence.Select(e => e.MessageId!).Order());
        Assert.Single(_world.Outbox.DirectMessages);
    }

    [Fact]
    public async Task A_flag_reaction_by_anyone_raises_a_risk_from_that_message()
    {
        var posted = await _world.PostAsync("The roadmap call was a bit rushed.");
        Assert.Empty(_world.Outbox.All);

        await _world.ReactAsync(posted.MessageId, EscalationWorld.SlackInternal("U-BOB"));

        var risk = await _world.SingleRiskAsync();
        Assert.Equal((ChurnKind.Partner, ChurnSeverity.Medium, "olivia"), (risk.Kind, risk.Severity, risk.OwnerId));
        var evidence = Assert.Single(risk.Evidence);
        Assert.Equal(("The roadmap call was a bit rushed.", "Pat Partner", RiskSource.Reaction), (evidence.Quote, evidence.Author, evidence.Source));
    }

    [Fact]
    public async Task A_flag_on_a_message_about_a_customer_takes_the_detectors_kind()
    {
        var posted = await _world.PostAsync("Globex is evaluating a competitor, they had a demo with another vendor.");
        await _world.ReactAsync(posted.MessageId, EscalationWorld.Partner());

        var risk = await _world.SingleRiskAsync();
        Assert.Equal(("Globex", "carla"), (risk.Customer, risk.OwnerId));
        Assert.Equal(2, risk.Evidence.Count); // the detection and the flag, joined
    }

    [Fact]
    public async Task Other_reactions_raise_nothing()
    {
        var posted = await _world.PostAsync("The roadmap call was a bit rushed.");
        await _world.ReactAsync(posted.MessageId, EscalationWorld.Partner(), reaction: "eyes");

        Assert.Empty(_world.Outbox.All);
    }

    [Fact]
    public async Task The_concern_command_raises_a_risk_and_thanks_the_asker()
    {
        await _world.Handler.HandleAsync(new CommandInvoked("evt-cmd1", _world.Clock.GetUtcNow(), EscalationWorld.Channel(ChatPlatform.Slack),
            EscalationWorld.Partner(), "/engagebot", "concern our renewal with you is in doubt"), CancellationToken.None);

        var risk = await _world.SingleRiskAsync();
        Assert.Equal(RiskSource.Command, risk.Evidence[0].Source);
        Assert.Equal("our renewal with you is in doubt", risk.Evidence[0].Quote);
        var thanks = Assert.Single(_world.Outbox.To(DeliveryKind.Ephemeral));
        Assert.DoesNotContain(risk.Id, thanks.Message.Text); // no internal ids or severity for the partner
    }

    [Fact]
    public async Task The_raise_concern_message_action_raises_a_risk_from_the_target_message()
    {
        await _world.Handler.HandleAsync(new MessageActionInvoked("evt-ma1", _world.Clock.GetUtcNow(), EscalationWorld.Channel(ChatPlatform.Teams),
            EscalationWorld.TeamsInternal(EscalationWorld.AadBob), ChurnSignalHandler.ConcernCallback, "msg-77", "Pricing is getting hard to justify."), CancellationToken.None);

        var risk = await _world.SingleRiskAsync();
        Assert.Equal(("msg-77", RiskSource.MessageAction), (risk.Evidence[0].MessageId, risk.Evidence[0].Source));
        Assert.Equal(DeliveryTarget.Direct(ChatPlatform.Teams, EscalationWorld.AadOlivia), _world.Outbox.DirectMessages.Single().Target);
    }

    [Fact]
    public async Task A_concern_outside_a_partner_channel_is_explained_not_lost()
    {
        await _world.Handler.HandleAsync(new CommandInvoked("evt-cmd2", _world.Clock.GetUtcNow(), new ConversationRef(ChatPlatform.Slack, "C-OTHER"),
            EscalationWorld.SlackInternal("U-BOB"), "/engagebot", "concern acme is unhappy"), CancellationToken.None);

        Assert.Empty(_world.Outbox.DirectMessages);
        Assert.Contains("partner's shared channel", Assert.Single(_world.Outbox.To(DeliveryKind.Ephemeral)).Message.Text);
    }

    [Fact]
    public async Task A_low_check_in_score_raises_a_partner_risk_and_a_healthy_one_does_not()
    {
        Assert.Null(await _world.Handler.RaiseFromCheckInAsync("acme", 4, "all good", "ci-1", "Pat Partner", ChatPlatform.Slack));
        var risk = await _world.Handler.RaiseFromCheckInAsync("acme", 1, "Support has been slow", "ci-2", "Pat Partner", ChatPlatform.Teams);

        Assert.NotNull(risk);
        Assert.Equal((ChurnKind.Partner, ChurnSeverity.High, RiskSource.CheckIn), (risk.Kind, risk.Severity, risk.Evidence[0].Source));
        Assert.Equal("Check-in health score 1/5: Support has been slow", risk.Evidence[0].Quote);
        Assert.Equal([DeliveryTarget.Direct(ChatPlatform.Teams, EscalationWorld.AadOlivia)], _world.Outbox.DirectMessages.Select(d => d.Target));
        Assert.Equal("opened", (await _world.AuditAsync(risk.Id)).Single().Action);
    }

    private static IEnumerable<string> CardVerbsIn(JsonObject? card) =>
        card?["actions"]?.AsArray().Select(a => a?["verb"]?.GetValue<string>()).OfType<string>() ?? [];

    public void Dispose() => _world.Dispose();
}
