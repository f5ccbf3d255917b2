using EngageBot.Channels;
using EngageBot.Features.Tickets.Policy;
using EngageBot.Features.Tickets.Sla;
using EngageBot.Features.Tickets.Storage;
using EngageBot.Scheduling.Calendars;
using EngageBot.TestSupport;

namespace EngageBot.Tests.Tickets;

public sealed class TicketSlaSweeperTests : IDisposable
{
    // Mon 2 Nov 2026 09:00Z = 10:00 Berlin. Acme: first response 2h (warning at 1h30), escalation every hour after a breach.
    private readonly TempDirectory _dir = new();
    private readonly ManualTimeProvider _clock = new();

    private TicketTestHost Host(RecordingOutbox? outbox = null, FakeTicketPolicySource? policies = null) =>
        new(_dir.File("tickets.db"), _clock, policies, outbox);

    private static string[] Nudges(RecordingOutbox outbox) =>
        outbox.Nudges().Select(n => $"{n.Key.Split('|')[2]}->{n.Target.UserId}").ToArray();

    [Fact]
    public async Task Warning_fires_within_a_minute_of_its_due_time_and_not_before()
    {
        using var host = Host();
        await host.PostAsync(TicketTestHost.Partner(), "How do I rotate the API key?");
        _clock.Advance(TimeSpan.FromMinutes(89));
        await host.Sweeper.SweepAsync(default);
        Assert.Empty(host.Outbox.Nudges());
        _clock.Advance(TimeSpan.FromSeconds(90)); // 30 s past the warning, one sweep interval
        await host.Sweeper.SweepAsync(default);
        Assert.Equal(["FirstResponse.Warning.1->U-OWNER"], Nudges(host.Outbox));
        var dm = host.Outbox.Nudges()[0];
        Assert.Equal(DeliveryKind.DirectMessage, dm.Target.Kind);
        Assert.Contains("Acme Corp", dm.Message.Text);
        Assert.Equal("acme", dm.Message.PartnerId); // a DM does not name its partner: the message does, for the log
    }

    [Fact]
    public async Task Each_threshold_nudges_once_when_swept_twice()
    {
        using var host = Host();
        await host.PostAsync(TicketTestHost.Partner(), "How do I rotate the API key?");
        _clock.Advance(TimeSpan.FromMinutes(91));
        await host.Sweeper.SweepAsync(default);
        await host.Sweeper.SweepAsync(default);
        Assert.Equal(1, host.Outbox.EnqueueCalls - host.Outbox.All.Count(s => !s.Key.StartsWith("ticket-nudge|", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task Two_instances_on_one_store_nudge_once()
    {
        var outbox = new RecordingOutbox();
        using var first = Host(outbox);
        using var second = Host(outbox);
        await first.PostAsync(TicketTestHost.Partner(), "How do I rotate the API key?");
        _clock.Advance(TimeSpan.FromMinutes(91));
        await Task.WhenAll(first.Sweeper.SweepAsync(default), second.Sweeper.SweepAsync(default));
        await second.Sweeper.SweepAsync(default);
        Assert.Equal(["FirstResponse.Warning.1->U-OWNER"], Nudges(outbox));
    }

    [Fact]
    public async Task Breach_nudges_owner_once_after_restart()
    {
        var before = new RecordingOutbox();
        using (var host = Host(before))
        {
            await host.PostAsync(TicketTestHost.Partner(), "How do I rotate the API key?");
            _clock.Advance(TimeSpan.FromMinutes(121));
            await host.Sweeper.SweepAsync(default);
        }
        Assert.Equal(["FirstResponse.Breach.1->U-OWNER"], Nudges(before)); // the late warning is superseded by the breach

        var after = new RecordingOutbox(); // a fresh process: nothing in memory, same SQLite file
        using var restarted = Host(after);
        await restarted.Sweeper.SweepAsync(default);
        Assert.Empty(after.Nudges());
        Assert.Equal(["FirstResponse.Breach.1"], await restarted.Ledger.ClaimedKeysAsync((await restarted.TicketForAsync("m0001")).Id));
    }

    [Fact]
    public async Task A_claim_left_by_a_crash_before_enqueue_is_sent_on_the_next_sweep_with_the_same_key()
    {
        using var host = Host();
        await host.PostAsync(TicketTestHost.Partner(), "How do I rotate the API key?");
        var ticket = await host.TicketForAsync("m0001");
        await host.Ledger.ClaimAsync(ticket.Id, "FirstResponse.Warning.1"); // claimed, then "crashed"
        _clock.Advance(TimeSpan.FromMinutes(91));
        await host.Sweeper.SweepAsync(default);
        Assert.Equal(["FirstResponse.Warning.1->U-OWNER"], Nudges(host.Outbox));
        Assert.Equal(TicketSlaSweeper.NudgeKey(ticket.Id, "FirstResponse.Warning.1"), host.Outbox.Nudges()[0].Key);
    }

    [Fact]
    public async Task Breach_escalates_along_the_chain_one_step_per_delay()
    {
        using var host = Host();
        await host.PostAsync(TicketTestHost.Partner(), "How do I rotate the API key?");
        for (var i = 0; i < 12; i++) // four hours in 20-minute sweeps
        {
            _clock.Advance(TimeSpan.FromMinutes(20));
            await host.Sweeper.SweepAsync(default);
        }
        Assert.Equal(
            ["FirstResponse.Warning.1->U-OWNER", "FirstResponse.Breach.1->U-OWNER", "FirstResponse.EscalateBackup.1->U-BACKUP", "FirstResponse.EscalateSponsor.1->U-SPONSOR"],
            Nudges(host.Outbox));
    }

    [Fact]
    public async Task Answering_stops_pending_nudges()
    {
        using var host = Host();
        var root = await host.PostAsync(TicketTestHost.Partner(), "How do I rotate the API key?");
        _clock.Advance(TimeSpan.FromMinutes(60));
        await host.PostAsync(TicketTestHost.Internal(), "Looking into it", threadRoot: root);
        _clock.Advance(TimeSpan.FromHours(5));
        var report = await host.Sweeper.SweepAsync(default);
        Assert.Empty(host.Outbox.Nudges());
        Assert.Equal(0, report.Read); // the answer removed the first-response entries from the due index
    }

    [Fact]
    public async Task Nudges_wait_for_the_recipients_working_hours_unless_urgent()
    {
        var policies = TicketTestHost.DefaultPolicies();
        // The owner works 09:00–17:00 in New York: at 10:30Z (05:30 there) the warning waits until 14:00Z.
        policies.AddPerson(new TicketPerson("owner", "Olivia Owner", [new(ChatPlatform.Slack, "U-OWNER"), new(ChatPlatform.Teams, "aad-owner")],
            BusinessCalendarSpec.Weekdays("America/New_York", new TimeOnly(9, 0), new TimeOnly(17, 0))));
        using var host = Host(policies: policies);
        await host.PostAsync(TicketTestHost.Partner(), "How do I rotate the API key?");
        _clock.Advance(TimeSpan.FromMinutes(91));
        var report = await host.Sweeper.SweepAsync(default);
        Assert.Equal(1, report.Deferred);
        Assert.Empty(host.Outbox.Nudges());

        // Meanwhile a second, urgent ticket breaches: that one goes out at once.
        var urgentRoot = await host.PostAsync(TicketTestHost.Partner("U-P2", "Quinn"), "Production is down, can you help?");
        await host.ReactAsync(TicketTestHost.Internal(), urgentRoot, "rotating_light");
        _clock.Advance(TimeSpan.FromMinutes(31));
        await host.Sweeper.SweepAsync(default);
        var urgentId = (await host.TicketForAsync(urgentRoot)).Id;
        Assert.Equal([$"ticket-nudge|{urgentId}|FirstResponse.Breach.1"], host.Outbox.Nudges().Select(n => n.Key));

        _clock.SetUtcNow(new DateTimeOffset(2026, 11, 2, 14, 0, 30, TimeSpan.Zero));
        await host.Sweeper.SweepAsync(default);
        // By 14:00Z the first ticket breached too (11:00Z): its deferred warning is superseded, the breach and both escalations go to their people.
        var firstId = (await host.TicketForAsync("m0001")).Id;
        Assert.Contains($"ticket-nudge|{firstId}|FirstResponse.Breach.1", host.Outbox.Nudges().Select(n => n.Key));
        Assert.DoesNotContain($"ticket-nudge|{firstId}|FirstResponse.Warning.1", host.Outbox.Nudges().Select(n => n.Key));
    }

    [Fact]
    public async Task Resolved_ticket_closes_when_its_reopen_window_ends()
    {
        using var host = Host();
        var root = await host.PostAsync(TicketTestHost.Partner(), "How do I rotate the API key?");
        await host.ReactAsync(TicketTestHost.Internal(), root, "white_check_mark");
        _clock.Advance(TimeSpan.FromDays(3) + TimeSpan.FromMinutes(1));
        var report = await host.Sweeper.SweepAsync(default);
        Assert.Equal(1, report.Closed);
        Assert.Equal(Features.Tickets.Lifecycle.TicketStatus.Closed, (await host.TicketForAsync(root)).Status);
        Assert.Empty(host.Outbox.Nudges());
    }

    [Fact]
    public async Task A_breach_turns_the_triage_card_red_in_place()
    {
        using var host = Host();
        var root = await host.PostAsync(TicketTestHost.Partner(), "How do I rotate the API key?");
        var ticket = await host.TicketForAsync(root);
        var triage = new MessageRef(new ConversationRef(ChatPlatform.Slack, TicketTestHost.SlackTriage), "1700000009.000100");
        await host.Cards.HandleAsync(new CardActionInvoked("evt-assign", _clock.GetUtcNow(), triage.Conversation, TicketTestHost.Internal(),
            Features.Tickets.Cards.TicketVerbs.AssignToMe, new System.Text.Json.Nodes.JsonObject { ["ticketId"] = ticket.Id }, triage), default);
        _clock.Advance(TimeSpan.FromMinutes(121));
        await host.Sweeper.SweepAsync(default);
        var update = Assert.Single(host.Outbox.To(DeliveryKind.Update), u => u.Key.EndsWith("|FirstResponse.Breach.1", StringComparison.Ordinal));
        Assert.Equal(triage.MessageId, update.Target.MessageId);
        Assert.Contains("breached", update.Message.Card!.ToJsonString());
    }

    public void Dispose() => _dir.Dispose();
}
