using EngageBot.Channels;
using EngageBot.Features.ChurnRisk.Escalation;
using Microsoft.Extensions.DependencyInjection;

namespace EngageBot.Tests.ChurnRisk.Escalation;

/// <summary>
/// "Done when" of the issue: a Slack-shaped and a Teams-shaped partner message go through the signal handler, then the
/// Quartz job runs every 15 minutes of a controlled clock for five days; each DM must arrive on the signal's platform,
/// to the right person, at the right time, once.
/// </summary>
public sealed class EscalationTimingOnBothPlatformsTests : IDisposable
{
    private static readonly TimeSpan Tick = TimeSpan.FromMinutes(15);
    private readonly EscalationWorld _world = new();

    [Fact]
    public async Task A_high_customer_risk_from_slack_escalates_on_slack_at_the_configured_times()
    {
        var start = _world.Clock.GetUtcNow(); // Monday 09:00
        await _world.PostAsync("Globex will not renew in March.", ChatPlatform.Slack);

        var timeline = await RunJobAsync(TimeSpan.FromDays(5));

        Assert.Equal(
        [
            (start, "U-CARLA"),
            (start.AddHours(4), "U-BOB"),
            (start.AddHours(8), "U-SAM"),
            (start.AddHours(8).AddDays(1), "U-CARLA"), (start.AddHours(8).AddDays(1), "U-BOB"), (start.AddHours(8).AddDays(1), "U-SAM"),
            (start.AddHours(8).AddDays(2), "U-CARLA"), (start.AddHours(8).AddDays(2), "U-BOB"), (start.AddHours(8).AddDays(2), "U-SAM"),
        ], timeline);
        Assert.All(_world.Outbox.DirectMessages, d => Assert.Equal(ChatPlatform.Slack, d.Target.Platform));
    }

    [Fact]
    public async Task A_medium_partner_risk_from_teams_escalates_on_teams_in_business_days()
    {
        var start = _world.Clock.GetUtcNow(); // Monday 09:00 London
        await _world.PostAsync("We're thinking about leaving your partner program.", ChatPlatform.Teams);
        var risk = await _world.SingleRiskAsync();
        Assert.Equal(Features.ChurnRisk.Detection.ChurnSeverity.Medium, risk.Severity);

        var timeline = await RunJobAsync(TimeSpan.FromDays(5));

        var monday17 = start.AddHours(8);
        Assert.Equal(
        [
            (start, EscalationWorld.AadOlivia),
            (monday17, EscalationWorld.AadBob),                 // one business day (8h) after opening
            (monday17.AddDays(1), EscalationWorld.AadSam),      // one more business day
            (monday17.AddDays(2), EscalationWorld.AadOlivia), (monday17.AddDays(2), EscalationWorld.AadBob), (monday17.AddDays(2), EscalationWorld.AadSam),
            (monday17.AddDays(3), EscalationWorld.AadOlivia), (monday17.AddDays(3), EscalationWorld.AadBob), (monday17.AddDays(3), EscalationWorld.AadSam),
        ], timeline);
        Assert.All(_world.Outbox.DirectMessages, d => Assert.Equal(ChatPlatform.Teams, d.Target.Platform));
    }

    [Fact]
    public async Task Acknowledging_on_teams_mid_chain_stops_it_and_tells_the_teams_thread()
    {
        var posted = await _world.PostAsync("We're thinking about leaving your partner program.", ChatPlatform.Teams);
        await RunJobAsync(TimeSpan.FromHours(9)); // past Monday 17:00: the backup has it
        var risk = await _world.SingleRiskAsync();

        await _world.ActAsync(EngageBot.Cards.CardVerbs.ChurnAcknowledge, risk.Id, EscalationWorld.TeamsInternal(EscalationWorld.AadBob), ChatPlatform.Teams);
        await RunJobAsync(TimeSpan.FromDays(5));

        Assert.Equal([EscalationWorld.AadOlivia, EscalationWorld.AadBob], _world.DmRecipients(ChatPlatform.Teams));
        var ack = Assert.Single(_world.Outbox.To(DeliveryKind.Post));
        Assert.Equal(new ConversationRef(ChatPlatform.Teams, EscalationWorld.TeamsChannel, posted.MessageId), ack.Target.Conversation);
        Assert.Contains("Bob Backup is looking into this", ack.Message.Text);
    }

    // Runs the Quartz job (as the scheduler would) every tick; returns when each DM was first enqueued and to whom.
    private async Task<List<(DateTimeOffset, string)>> RunJobAsync(TimeSpan span)
    {
        var job = _world.Primary.GetRequiredService<ChurnEscalationJob>();
        var seen = new HashSet<string>(_world.Outbox.DirectMessages.Select(d => d.Key));
        var timeline = _world.Outbox.DirectMessages.Select(d => (_world.Clock.GetUtcNow(), d.Target.UserId!)).ToList();
        var end = _world.Clock.GetUtcNow() + span;
        while (_world.Clock.GetUtcNow() < end)
        {
            _world.Clock.Advance(Tick);
            await job.Execute(null!, CancellationToken.None);
            foreach (var dm in _world.Outbox.DirectMessages.Where(d => seen.Add(d.Key)))
                timeline.Add((_world.Clock.GetUtcNow(), dm.Target.UserId!));
        }
        Assert.Equal(_world.Outbox.All.Count, _world.Outbox.EnqueueCalls);
        return timeline;
    }

    public void Dispose() => _world.Dispose();
}
