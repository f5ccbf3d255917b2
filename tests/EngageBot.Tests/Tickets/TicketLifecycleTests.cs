using EngageBot.Channels;
using EngageBot.Features.Tickets.Lifecycle;
using EngageBot.Features.Tickets.Policy;
using EngageBot.Features.Tickets.Sla;

namespace EngageBot.Tests.Tickets;

public sealed class TicketLifecycleTests
{
    private static readonly DateTimeOffset Monday10Berlin = new(2026, 11, 2, 9, 0, 0, TimeSpan.Zero);
    private static readonly SlaContext Sla = SlaContext.From(TicketTestHost.Acme());
    private static readonly TicketParty Pat = new("U-PARTNER", "Pat");
    private static readonly TicketParty Alice = new("U-ALICE", "Alice", "alice");

    private static Ticket NewTicket() => Ticket.Open("TKT-TEST01", "acme", new ConversationRef(ChatPlatform.Slack, "C1"), "m1", Pat,
        "How do I rotate the key?", "message", Monday10Berlin, Sla);

    [Fact]
    public void Full_lifecycle_records_every_transition_with_who_and_when()
    {
        var t = NewTicket();
        t.OnInternalReply(Alice, "m2", Monday10Berlin.AddMinutes(30));
        t.MarkWaiting(Alice, Monday10Berlin.AddHours(1), Sla);
        t.OnPartnerMessage(Pat, "m3", Monday10Berlin.AddHours(2), Sla);
        t.Resolve(Alice, Monday10Berlin.AddHours(3));
        t.OnPartnerMessage(Pat, "m4", Monday10Berlin.AddDays(1), Sla);
        t.OnInternalReply(Alice, "m5", Monday10Berlin.AddDays(1).AddMinutes(5));
        t.Resolve(Alice, Monday10Berlin.AddDays(1).AddMinutes(10));
        t.Close(TicketParty.System, Monday10Berlin.AddDays(5), "reopen window ended");

        Assert.Equal(
            ["opened", "first-response", "waiting-on-partner", "partner-replied", "resolved", "reopened", "responded", "resolved", "closed"],
            t.PendingAudit.Select(a => a.Action));
        Assert.Equal(
            [TicketStatus.Open, TicketStatus.Responded, TicketStatus.WaitingOnPartner, TicketStatus.Responded, TicketStatus.Resolved,
             TicketStatus.Reopened, TicketStatus.Responded, TicketStatus.Resolved, TicketStatus.Closed],
            t.PendingAudit.Select(a => a.To));
        var firstResponse = t.PendingAudit[1];
        Assert.Equal((TicketStatus.Open, TicketStatus.Responded, "alice", "Alice", Monday10Berlin.AddMinutes(30)),
            (firstResponse.From, firstResponse.To, firstResponse.ActorId, firstResponse.ActorName, firstResponse.At));
        Assert.Equal(Enumerable.Range(1, 9), t.PendingAudit.Select(a => a.Sequence));
    }

    [Fact]
    public void First_internal_reply_is_the_first_response_and_assigns_the_responder()
    {
        var t = NewTicket();
        t.OnInternalReply(Alice, "m2", Monday10Berlin.AddMinutes(20));
        Assert.Equal(Monday10Berlin.AddMinutes(20), t.FirstResponseAt);
        Assert.False(t.FirstResponse.IsRunning);
        Assert.Equal("alice", t.Assignee?.PersonId);
    }

    [Fact]
    public void Partner_reply_after_the_reopen_window_does_not_reopen()
    {
        var t = NewTicket();
        t.Resolve(Alice, Monday10Berlin.AddHours(1));
        t.OnPartnerMessage(Pat, "m9", Monday10Berlin.AddDays(4), Sla);
        Assert.Equal(TicketStatus.Resolved, t.Status);
    }

    [Fact]
    public void Resolving_twice_or_closing_twice_changes_nothing()
    {
        var t = NewTicket();
        Assert.True(t.Resolve(Alice, Monday10Berlin.AddHours(1)));
        Assert.False(t.Resolve(Alice, Monday10Berlin.AddHours(2)));
        Assert.True(t.Close(Alice, Monday10Berlin.AddHours(3), "done"));
        Assert.False(t.Close(Alice, Monday10Berlin.AddHours(4), "done"));
        Assert.False(t.MarkWaiting(Alice, Monday10Berlin.AddHours(4), Sla));
    }

    [Fact]
    public void Edits_update_the_question_and_deletions_are_recorded_not_forgotten()
    {
        var t = NewTicket();
        t.JoinQuestion(Pat, "m2", "It fails with 401.", Monday10Berlin.AddMinutes(1), Sla);
        t.EditMessage("m1", "How do I rotate the production key?", Pat, Monday10Berlin.AddMinutes(2));
        Assert.Equal("How do I rotate the production key?\nIt fails with 401.", t.Question);
        t.RecordDeletion("m2", Pat, Monday10Berlin.AddMinutes(3));
        Assert.Equal("How do I rotate the production key?", t.Question);
        Assert.Contains(t.QuestionParts, p => p is { MessageId: "m2", Deleted: true, Text: "It fails with 401." });
        Assert.Equal(["opened", "message-edited", "message-deleted"], t.PendingAudit.Select(a => a.Action));
    }

    [Fact]
    public void Marking_urgent_moves_running_clocks_to_urgent_targets()
    {
        var t = NewTicket();
        t.MarkUrgent(Alice, Monday10Berlin.AddMinutes(5), Sla);
        Assert.Equal(TicketUrgency.Urgent, t.Urgency);
        Assert.Equal(Monday10Berlin.AddMinutes(30), t.FirstResponse.DueAt);
        Assert.Equal(Monday10Berlin.AddHours(4), t.Resolution.DueAt);
    }
}
