using EngageBot.Channels;
using EngageBot.Features.Tickets.Lifecycle;
using EngageBot.Features.Tickets.Sla;

namespace EngageBot.Tests.Tickets;

public sealed class SlaDueComputationTests
{
    private static readonly SlaContext Sla = SlaContext.From(TicketTestHost.Acme());
    private static readonly TicketParty Pat = new("U-PARTNER", "Pat");
    private static readonly TicketParty Alice = new("U-ALICE", "Alice", "alice");

    private static DateTimeOffset Utc(int d, int h, int m = 0) => new(2026, 11, d, h, m, 0, TimeSpan.Zero);

    private static Ticket OpenAt(DateTimeOffset at) => Ticket.Open("TKT-SLA001", "acme", new ConversationRef(ChatPlatform.Slack, "C1"), "m1", Pat, "Question?", "message", at, Sla);

    [Fact]
    public void First_response_and_resolution_are_due_in_partner_business_hours()
    {
        // Fri 6 Nov 15:00 Berlin (14:00Z): 2h first response → Mon 09:00 Berlin... Fri has 2h left, so due Fri 17:00 (16:00Z).
        var t = OpenAt(Utc(6, 14));
        Assert.Equal(Utc(6, 16), t.FirstResponse.DueAt);
        Assert.Equal(Utc(6, 15, 30), t.FirstResponse.WarnAt); // 75% of 2h
        // Resolution 16h: 2h Friday, 8h Monday, 6h Tuesday → Tue 15:00 Berlin (14:00Z).
        Assert.Equal(Utc(10, 14), t.Resolution.DueAt);
    }

    [Fact]
    public void A_ticket_opened_on_Saturday_starts_its_clocks_on_Monday()
    {
        var t = OpenAt(Utc(7, 12));
        Assert.Equal(Utc(9, 10), t.FirstResponse.DueAt); // Mon 11:00 Berlin
    }

    [Fact]
    public void Each_partner_follow_up_after_our_reply_starts_a_new_next_response_cycle()
    {
        var t = OpenAt(Utc(2, 9));
        t.OnInternalReply(Alice, "m2", Utc(2, 9, 30));
        Assert.False(t.NextResponse.IsRunning);
        t.OnPartnerMessage(Pat, "m3", Utc(2, 10), Sla);
        Assert.Equal(1, t.NextResponse.Cycle);
        Assert.Equal(Utc(2, 14), t.NextResponse.DueAt);
        Assert.Equal(Utc(2, 13), t.NextResponse.WarnAt);
        t.OnPartnerMessage(Pat, "m4", Utc(2, 11), Sla); // a second follow-up before we answer keeps the running clock
        Assert.Equal(Utc(2, 14), t.NextResponse.DueAt);
        t.OnInternalReply(Alice, "m5", Utc(2, 12));
        t.OnPartnerMessage(Pat, "m6", Utc(2, 15), Sla);
        Assert.Equal(2, t.NextResponse.Cycle);
        Assert.Equal(Utc(3, 11), t.NextResponse.DueAt); // 1h Monday (until 17:00 Berlin), 3h Tuesday → 12:00 Berlin
    }

    [Fact]
    public void Waiting_on_partner_pauses_the_resolution_clock_and_keeps_time_used()
    {
        var t = OpenAt(Utc(2, 9));                       // Mon 10:00 Berlin; resolution due after 16 business hours
        t.OnInternalReply(Alice, "m2", Utc(2, 10));
        t.MarkWaiting(Alice, Utc(2, 13), Sla);          // 4h used
        Assert.Null(t.Resolution.DueAt);
        Assert.Equal(TimeSpan.FromHours(4), t.Resolution.Used);
        Assert.Empty(TicketThresholds.Pending(t));
        t.OnPartnerMessage(Pat, "m3", Utc(4, 9), Sla);       // Wed 10:00 Berlin: 12h left → Wed 7h + Thu 5h → Thu 14:00 Berlin
        Assert.Equal(Utc(5, 13), t.Resolution.DueAt);
        Assert.Equal(Utc(5, 9), t.Resolution.WarnAt);   // 12h mark: 8h left after 4 used → Wed 7h + Thu 1h → Thu 10:00 Berlin
    }

    [Fact]
    public void Pending_thresholds_include_warning_breach_and_escalation_steps()
    {
        var t = OpenAt(Utc(2, 9));
        var firstResponse = TicketThresholds.Pending(t).Where(x => x.Clock == SlaClockKind.FirstResponse).ToList();
        Assert.Equal(
            [("FirstResponse.Warning.1", Utc(2, 10, 30)), ("FirstResponse.Breach.1", Utc(2, 11)),
             ("FirstResponse.EscalateBackup.1", Utc(2, 12)), ("FirstResponse.EscalateSponsor.1", Utc(2, 13))],
            firstResponse.Select(x => (x.Key, x.DueAt)));
    }

    [Fact]
    public void A_resolved_ticket_has_only_its_auto_close()
    {
        var t = OpenAt(Utc(2, 9));
        t.Resolve(Alice, Utc(2, 12));
        var only = Assert.Single(TicketThresholds.Pending(t));
        Assert.Equal((ThresholdLevel.AutoClose, Utc(5, 12)), (only.Level, only.DueAt));
    }
}
