using System.Text.Json.Nodes;
using EngageBot.Cards;
using EngageBot.Channels;
using EngageBot.Features.ChurnRisk.Escalation;

namespace EngageBot.Tests.ChurnRisk.Escalation;

public sealed class ChurnRiskActionHandlerTests : IDisposable
{
    private readonly EscalationWorld _world = new();

    [Fact]
    public async Task Acknowledge_stops_escalation_and_tells_the_partner_thread_who_is_on_it_without_internals()
    {
        var posted = await _world.PostAsync("Globex will not renew in March.");
        var risk = await _world.SingleRiskAsync();

        var result = await _world.ActAsync(CardVerbs.ChurnAcknowledge, risk.Id, EscalationWorld.SlackInternal("U-CARLA"));

        Assert.DoesNotContain(CardVerbs.ChurnAcknowledge, Verbs(result.UpdatedCard));
        Assert.Contains(CardVerbs.ChurnResolve, Verbs(result.UpdatedCard));
        var post = Assert.Single(_world.Outbox.To(DeliveryKind.Post));
        Assert.Equal(EscalationWorld.Channel(ChatPlatform.Slack).Thread(posted.MessageId), post.Target.Conversation);
        Assert.Equal("Thanks for flagging this. Carla Account is looking into this.", post.Message.Text);
        Assert.Null(post.Message.Card);

        _world.Clock.Advance(TimeSpan.FromDays(5));
        await _world.Sweeper.SweepAsync(CancellationToken.None);
        Assert.Equal(["U-CARLA"], _world.DmRecipients());
        Assert.Equal(["opened", "acknowledged"], (await _world.AuditAsync(risk.Id)).Select(a => a.Action));
    }

    [Fact]
    public async Task Acknowledging_twice_posts_once()
    {
        await _world.PostAsync("Globex will not renew in March.");
        var risk = await _world.SingleRiskAsync();

        await _world.ActAsync(CardVerbs.ChurnAcknowledge, risk.Id, EscalationWorld.SlackInternal("U-CARLA"));
        await _world.ActAsync(CardVerbs.ChurnAcknowledge, risk.Id, EscalationWorld.SlackInternal("U-BOB"));

        Assert.Single(_world.Outbox.To(DeliveryKind.Post));
    }

    [Fact]
    public async Task Partners_and_strangers_cannot_act()
    {
        await _world.PostAsync("Globex will not renew in March.");
        var risk = await _world.SingleRiskAsync();

        var partner = await _world.ActAsync(CardVerbs.ChurnAcknowledge, risk.Id, EscalationWorld.Partner());
        var stranger = await _world.ActAsync(CardVerbs.ChurnAcknowledge, risk.Id, EscalationWorld.SlackInternal("U-UNKNOWN"));

        Assert.Equal("Only our team can act on churn risks.", partner.Message);
        Assert.Equal("Only our team can act on churn risks.", stranger.Message);
        Assert.Equal(RiskStatus.Open, (await _world.SingleRiskAsync()).Status);
    }

    [Theory]
    [InlineData("")]
    [InlineData("maybe")]
    public async Task Resolve_without_a_valid_outcome_shows_a_validation_error_and_changes_nothing(string outcome)
    {
        await _world.PostAsync("Globex will not renew in March.");
        var risk = await _world.SingleRiskAsync();

        var result = await _world.ActAsync(CardVerbs.ChurnResolve, risk.Id, EscalationWorld.SlackInternal("U-CARLA"),
            inputs: new JsonObject { [CardInputs.Outcome] = outcome });

        Assert.NotNull(result.Errors);
        Assert.True(result.Errors.ContainsKey(CardInputs.Outcome));
        Assert.Equal(RiskStatus.Open, (await _world.SingleRiskAsync()).Status);
    }

    [Fact]
    public async Task Resolve_records_the_outcome_keeps_the_note_internal_and_removes_the_buttons()
    {
        await _world.PostAsync("Globex will not renew in March.");
        var risk = await _world.SingleRiskAsync();

        var result = await _world.ActAsync(CardVerbs.ChurnResolve, risk.Id, EscalationWorld.TeamsInternal(EscalationWorld.AadCarla), ChatPlatform.Teams,
            new JsonObject { [CardInputs.Outcome] = "saved", [CardInputs.Note] = "Discount agreed with their CFO" });

        Assert.Empty(Verbs(result.UpdatedCard));
        Assert.Contains("Resolved (saved)", result.UpdatedCard!.ToJsonString());
        var resolved = await _world.SingleRiskAsync();
        Assert.Equal((RiskStatus.Resolved, (RiskOutcome?)RiskOutcome.Saved), (resolved.Status, resolved.Outcome));
        Assert.Equal("saved: Discount agreed with their CFO", (await _world.AuditAsync(risk.Id)).Last().Detail);
        Assert.DoesNotContain(_world.Outbox.All, s => s.Target.Kind != DeliveryKind.DirectMessage && s.Message.Text.Contains("CFO"));

        _world.Clock.Advance(TimeSpan.FromDays(5));
        await _world.Sweeper.SweepAsync(CancellationToken.None);
        Assert.Single(_world.Outbox.DirectMessages);
    }

    [Fact]
    public async Task Reassign_sends_the_card_to_the_new_owner_and_restarts_the_deadline()
    {
        await _world.PostAsync("Globex will not renew in March."); // Monday 09:00, deadline 13:00
        var risk = await _world.SingleRiskAsync();
        _world.Clock.Advance(TimeSpan.FromHours(3));

        var result = await _world.ActAsync(CardVerbs.ChurnReassign, risk.Id, EscalationWorld.SlackInternal("U-CARLA"),
            inputs: new JsonObject { [CardInputs.Assignee] = "tina@example.com", [ChurnRiskActionHandler.ConfirmField] = true });

        Assert.Contains("Tina Teams", result.UpdatedCard!.ToJsonString());
        // Tina is only on Teams: the card follows her there.
        Assert.Equal(DeliveryTarget.Direct(ChatPlatform.Teams, EscalationWorld.AadTina), _world.Outbox.DirectMessages.Last().Target);
        var reassigned = await _world.SingleRiskAsync();
        Assert.Equal(("tina", 2, _world.Clock.GetUtcNow() + TimeSpan.FromHours(4)), (reassigned.OwnerId, reassigned.Cycle, reassigned.AckDeadline));

        _world.Clock.Advance(TimeSpan.FromHours(1)); // the old deadline
        await _world.Sweeper.SweepAsync(CancellationToken.None);
        Assert.Equal(2, _world.Outbox.DirectMessages.Count);

        _world.Clock.Advance(TimeSpan.FromHours(3)); // the new one
        await _world.Sweeper.SweepAsync(CancellationToken.None);
        Assert.Equal(ChurnRiskService.NotifyKey(risk.Id, 2, 1, "bob"), _world.Outbox.DirectMessages.Last().Key);
        Assert.Equal(["opened", "reassigned", "escalated"], (await _world.AuditAsync(risk.Id)).Select(a => a.Action));
    }

    [Fact]
    public async Task The_first_reassign_press_turns_the_card_into_a_reassign_form()
    {
        await _world.PostAsync("Globex will not renew in March.");
        var risk = await _world.SingleRiskAsync();

        var result = await _world.ActAsync(CardVerbs.ChurnReassign, risk.Id, EscalationWorld.SlackInternal("U-CARLA"));

        var card = result.UpdatedCard!;
        Assert.Equal([CardVerbs.ChurnReassign], Verbs(card));
        Assert.True((bool)card["actions"]!.AsArray().Single(a => (string?)a!["verb"] == CardVerbs.ChurnReassign)!["data"]![ChurnRiskActionHandler.ConfirmField]!);
        Assert.Contains(CardInputs.Assignee, card.ToJsonString());
        Assert.Equal("carla", (await _world.SingleRiskAsync()).OwnerId);
    }

    [Theory]
    [InlineData("", "Name the person")]
    [InlineData("mallory", "Nobody in the directory")]
    [InlineData("nobody", "no Slack or Teams id")]
    public async Task Reassign_to_someone_who_cannot_take_it_is_a_validation_error(string assignee, string message)
    {
        await _world.PostAsync("Globex will not renew in March.");
        var risk = await _world.SingleRiskAsync();

        var result = await _world.ActAsync(CardVerbs.ChurnReassign, risk.Id, EscalationWorld.SlackInternal("U-CARLA"),
            inputs: new JsonObject { [CardInputs.Assignee] = assignee, [ChurnRiskActionHandler.ConfirmField] = true });

        Assert.Contains(message, result.Errors![CardInputs.Assignee]);
        Assert.Equal("carla", (await _world.SingleRiskAsync()).OwnerId);
    }

    private static List<string> Verbs(JsonObject? card) =>
        card?["actions"]?.AsArray().Select(a => a?["verb"]?.GetValue<string>()).OfType<string>().ToList() ?? [];

    public void Dispose() => _world.Dispose();
}
