using EngageBot.Channels;
using EngageBot.Features.ChurnRisk.Escalation;
using EngageBot.Scheduling;
using Microsoft.Extensions.DependencyInjection;

namespace EngageBot.Tests.ChurnRisk.Escalation;

public sealed class ChurnEscalationSweeperTests : IDisposable
{
    private readonly EscalationWorld _world = new();

    private DateTimeOffset Start { get; }

    public ChurnEscalationSweeperTests() => Start = _world.Clock.GetUtcNow(); // Monday 09:00 UTC

    [Fact]
    public async Task An_unacknowledged_high_risk_goes_to_the_backup_once_then_the_sponsor_then_repeats_as_configured()
    {
        await _world.PostAsync("Globex will not renew in March."); // high: 4h wall-clock deadline, owner carla

        await SweepAtAsync(TimeSpan.FromHours(4) - TimeSpan.FromMinutes(1));
        Assert.Equal(["U-CARLA"], _world.DmRecipients());

        await SweepAtAsync(TimeSpan.FromHours(4));
        await _world.Sweeper.SweepAsync(CancellationToken.None);
        Assert.Equal(["U-CARLA", "U-BOB"], _world.DmRecipients());

        await SweepAtAsync(TimeSpan.FromHours(8));
        Assert.Equal(["U-CARLA", "U-BOB", "U-SAM"], _world.DmRecipients());

        await SweepAtAsync(TimeSpan.FromHours(8) + TimeSpan.FromDays(1));
        await SweepAtAsync(TimeSpan.FromHours(8) + TimeSpan.FromDays(2));
        await SweepAtAsync(TimeSpan.FromDays(10));
        Assert.Equal(["U-CARLA", "U-BOB", "U-SAM", "U-CARLA", "U-BOB", "U-SAM", "U-CARLA", "U-BOB", "U-SAM"], _world.DmRecipients());
        Assert.Equal(_world.Outbox.All.Count, _world.Outbox.EnqueueCalls); // nothing was even attempted twice

        var risk = await _world.SingleRiskAsync();
        Assert.Equal((4, (DateTimeOffset?)null), (risk.Level, risk.AckDeadline));
        var audit = await _world.AuditAsync(risk.Id);
        Assert.Equal(["opened", "escalated", "escalated", "escalated", "escalated"], audit.Select(a => a.Action));
        Assert.Equal("level 1: bob", audit[1].Detail);
        Assert.Equal(Start + TimeSpan.FromHours(4), audit[1].At);
    }

    [Fact]
    public async Task A_medium_risk_waits_one_business_day_on_the_partners_calendar()
    {
        _world.Clock.SetUtcNow(new DateTimeOffset(2026, 11, 6, 15, 0, 0, TimeSpan.Zero)); // Friday 15:00 London
        await _world.PostAsync("Globex is evaluating a competitor, they had a demo with another vendor.");

        var risk = await _world.SingleRiskAsync();
        Assert.Equal(new DateTimeOffset(2026, 11, 9, 15, 0, 0, TimeSpan.Zero), risk.AckDeadline); // Monday 15:00: 2h Fri + 6h Mon
    }

    [Fact]
    public async Task Sweeping_again_after_a_restart_sends_nothing_twice()
    {
        await _world.PostAsync("Globex will not renew in March.");
        await SweepAtAsync(TimeSpan.FromHours(4));
        var calls = _world.Outbox.EnqueueCalls;

        var restarted = _world.Instance().GetRequiredService<ChurnEscalationSweeper>();
        Assert.Equal(0, await restarted.SweepAsync(CancellationToken.None));

        Assert.Equal(calls, _world.Outbox.EnqueueCalls);
        Assert.Equal(["U-CARLA", "U-BOB"], _world.DmRecipients());
    }

    [Fact]
    public async Task Two_instances_sweeping_at_once_take_each_step_once()
    {
        await _world.PostAsync("Globex will not renew in March.");
        _world.Clock.Advance(TimeSpan.FromHours(4));
        var a = _world.Instance().GetRequiredService<ChurnEscalationSweeper>();
        var b = _world.Instance().GetRequiredService<ChurnEscalationSweeper>();

        await Task.WhenAll(a.SweepAsync(CancellationToken.None), b.SweepAsync(CancellationToken.None));

        Assert.Equal(["U-CARLA", "U-BOB"], _world.DmRecipients());
        var risk = await _world.SingleRiskAsync();
        Assert.Equal(1, risk.Level);
        Assert.Single(await _world.AuditAsync(risk.Id), e => e.Action == "escalated");
    }

    [Fact]
    public async Task A_claimed_step_whose_dm_was_lost_in_a_crash_is_sent_on_the_next_sweep_with_the_same_key()
    {
        await _world.PostAsync("Globex will not renew in March.");
        var risk = await _world.SingleRiskAsync();
        // A previous instance claimed level 1 and died before enqueueing.
        await _world.Primary.GetRequiredKeyedService<ClaimLedger>(RiskDueEntry.Ledger).ClaimAsync(risk.Id, "c1.l1");

        await SweepAtAsync(TimeSpan.FromHours(4));

        Assert.Equal(["U-CARLA", "U-BOB"], _world.DmRecipients());
        Assert.Equal(ChurnRiskService.NotifyKey(risk.Id, 1, 1, "bob"), _world.Outbox.DirectMessages[1].Key);
    }

    [Fact]
    public async Task The_sweep_reads_only_risks_coming_due()
    {
        await _world.PostAsync("Globex will not renew in March.");
        await _world.PostAsync("Globex’s team is a bit disappointed with reporting, not urgent.", author: EscalationWorld.Partner("U-OTHER"));

        _world.Clock.Advance(TimeSpan.FromHours(1));
        Assert.Equal(0, await _world.Sweeper.SweepAsync(CancellationToken.None));
    }

    private async Task SweepAtAsync(TimeSpan sinceStart)
    {
        _world.Clock.SetUtcNow(Start + sinceStart);
        await _world.Sweeper.SweepAsync(CancellationToken.None);
    }

    public void Dispose() => _world.Dispose();
}
