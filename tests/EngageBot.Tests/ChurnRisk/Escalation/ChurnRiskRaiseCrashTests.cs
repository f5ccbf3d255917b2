using EngageBot.Channels;
using EngageBot.Features.ChurnRisk.Detection;
using EngageBot.Features.ChurnRisk.Escalation;
using EngageBot.Tests.Storage;
using Microsoft.Extensions.DependencyInjection;

namespace EngageBot.Tests.ChurnRisk.Escalation;

/// <summary>
/// The process dies between any two writes of raising a risk from a partner message (store writes and outbox enqueues),
/// then the inbox redelivers the event to a fresh instance: one risk, its evidence once, the owner's card once.
/// </summary>
public sealed class ChurnRiskRaiseCrashTests
{
    private const string Warning = "Globex will not renew in March.";

    [Fact]
    public async Task A_risky_message_redelivered_after_a_crash_at_any_write_opens_one_risk_and_sends_its_card_once()
    {
        for (var crashAt = 1; ; crashAt++)
        {
            using var world = new EscalationWorld();
            var schedule = new CrashSchedule(crashAt);
            var posted = new MessagePosted("evt-warning", world.Clock.GetUtcNow(), EscalationWorld.Channel(ChatPlatform.Slack), EscalationWorld.Partner(),
                "m-warning", Warning);
            var crashed = await CrashSchedule.CrashesAsync(() => world.Instance(schedule).GetRequiredService<ChurnSignalHandler>().HandleAsync(posted, CancellationToken.None));

            await world.Instance().GetRequiredService<ChurnSignalHandler>().HandleAsync(posted, CancellationToken.None);

            var because = $"crash before write {crashAt} of [{string.Join("; ", schedule.Log)}]";
            var card = world.Outbox.DirectMessages.Where(d => d.Key.StartsWith("churn-risk|", StringComparison.Ordinal)).ToList();
            Assert.True(card.Count == 1, $"{because}: {card.Count} cards sent");
            Assert.True(card[0].Target.UserId == "U-CARLA", because);
            var risk = await world.SingleRiskAsync();
            Assert.True(risk.Evidence.Count == 1, $"{because}: {risk.Evidence.Count} pieces of evidence");
            Assert.True((await world.AuditAsync(risk.Id)).Select(a => a.Action).SequenceEqual(["opened"]), because);
            if (!crashed) break;
        }
    }
    [Fact]
    public async Task A_more_severe_message_redelivered_after_a_crash_at_any_write_joins_once_and_tells_the_owner_once()
    {
        for (var crashAt = 1; ; crashAt++)
        {
            using var world = new EscalationWorld();
            await world.PostAsync("Globex’s team is a bit disappointed with reporting, not urgent.");
            world.Clock.Advance(TimeSpan.FromDays(2));
            var schedule = new CrashSchedule(crashAt);
            var posted = new MessagePosted("evt-worse", world.Clock.GetUtcNow(), EscalationWorld.Channel(ChatPlatform.Slack), EscalationWorld.Partner(),
                "m-worse", Warning);
            var crashed = await CrashSchedule.CrashesAsync(() => world.Instance(schedule).GetRequiredService<ChurnSignalHandler>().HandleAsync(posted, CancellationToken.None));

            await world.Instance().GetRequiredService<ChurnSignalHandler>().HandleAsync(posted, CancellationToken.None);

            var because = $"crash before write {crashAt} of [{string.Join("; ", schedule.Log)}]";
            var risk = await world.SingleRiskAsync();
            Assert.True(risk.Severity == ChurnSeverity.High && risk.Evidence.Count == 2, $"{because}: {risk.Severity}, {risk.Evidence.Count} pieces of evidence");
            var cards = world.Outbox.DirectMessages.Select(d => d.Key).ToList();
            Assert.True(cards.SequenceEqual([ChurnRiskService.NotifyKey(risk.Id, 1, 0, "carla"), ChurnRiskService.NotifyKey(risk.Id, 1, 0, "carla", "sev-High")]),
                $"{because}: sent [{string.Join(", ", cards)}]");
            if (!crashed) break;
        }
    }
}
