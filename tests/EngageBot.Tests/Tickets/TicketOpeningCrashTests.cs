using EngageBot.Channels;
using EngageBot.Features.Tickets.Handling;
using EngageBot.Features.Tickets.Lifecycle;
using EngageBot.Tests.Storage;
using EngageBot.TestSupport;

namespace EngageBot.Tests.Tickets;

/// <summary>
/// The process dies between any two writes of handling a partner message (a store write or an outbox enqueue), then
/// the inbox redelivers the event to a fresh instance: the ticket, its link and its messages exist exactly once.
/// </summary>
public sealed class TicketOpeningCrashTests : IDisposable
{
    private const string Question = "How do I rotate the API key?";
    private const string FollowUp = "We are on version 4.2 if that matters.";

    private readonly TempDirectory _dir = new();
    private readonly ManualTimeProvider _clock = new();

    [Fact]
    public async Task A_question_redelivered_after_a_crash_at_any_write_opens_one_ticket_with_one_ack_and_one_triage_card()
    {
        for (var crashAt = 1; ; crashAt++)
        {
            var db = _dir.File($"open-{crashAt}.db");
            var outbox = new RecordingOutbox();
            var schedule = new CrashSchedule(crashAt);
            bool crashed;
            using (var dying = new TicketTestHost(db, _clock, outbox: outbox, crashes: schedule))
                crashed = await CrashSchedule.CrashesAsync(() => dying.PostAsync(TicketTestHost.Partner(), Question, messageId: "m-question"));

            using var restarted = new TicketTestHost(db, _clock, outbox: outbox);
            await restarted.PostAsync(TicketTestHost.Partner(), Question, messageId: "m-question");

            var because = $"crash before write {crashAt} of [{string.Join("; ", schedule.Log)}]";
            var ticket = await SingleOpenTicketAsync(restarted, because);
            Assert.True(ticket.Id == (await restarted.TicketForAsync("m-question")).Id, because);
            Assert.True(Question == ticket.Question, because);
            Assert.True(new[] { "opened" }.SequenceEqual(await AuditActionsAsync(restarted, ticket.Id)), because);
            Assert.True(outbox.All.Select(s => s.Key).SequenceEqual([$"ticket-ack|{ticket.Id}", TriageCardPublisher.PostKey(ticket.Id)]),
                $"{because}: sent [{string.Join(", ", outbox.All.Select(s => s.Key))}]");
            if (!crashed) break; // every write has had its crash
        }
    }

    [Fact]
    public async Task A_joined_follow_up_redelivered_after_a_crash_at_any_write_joins_the_question_once_and_updates_the_card_once()
    {
        for (var crashAt = 1; ; crashAt++)
        {
            var db = _dir.File($"join-{crashAt}.db");
            var outbox = new RecordingOutbox();
            var schedule = new CrashSchedule();
            bool crashed;
            using (var dying = new TicketTestHost(db, _clock, outbox: outbox, crashes: schedule))
            {
                await dying.PostAsync(TicketTestHost.Partner(), Question, messageId: "m-question");
                schedule.CrashAt = schedule.Steps + crashAt;
                crashed = await CrashSchedule.CrashesAsync(() => dying.PostAsync(TicketTestHost.Partner(), FollowUp, messageId: "m-follow-up"));
            }

            using var restarted = new TicketTestHost(db, _clock, outbox: outbox);
            await restarted.PostAsync(TicketTestHost.Partner(), FollowUp, messageId: "m-follow-up");

            var because = $"crash at write {crashAt} of the follow-up [{string.Join("; ", schedule.Log)}]";
            var ticket = await SingleOpenTicketAsync(restarted, because);
            Assert.True(ticket.Id == (await restarted.TicketForAsync("m-follow-up")).Id, because);
            Assert.True($"{Question}\n{FollowUp}" == ticket.Question, because);
            Assert.True(ticket.Version == 2, $"{because}: version {ticket.Version}");
            Assert.True(outbox.All.Select(s => s.Key).SequenceEqual(
                    [$"ticket-ack|{ticket.Id}", TriageCardPublisher.PostKey(ticket.Id), $"{TriageCardPublisher.PostKey(ticket.Id)}|v2"]),
                $"{because}: sent [{string.Join(", ", outbox.All.Select(s => s.Key))}]");
            if (!crashed) break;
        }
    }

    private static async Task<Ticket> SingleOpenTicketAsync(TicketTestHost host, string because)
    {
        var open = new List<Ticket>();
        await foreach (var t in host.Store.ListOpenByPartnerAsync("acme")) open.Add(t);
        Assert.True(open.Count == 1, $"{because}: {open.Count} open tickets listed");
        return open[0];
    }

    private static async Task<List<string>> AuditActionsAsync(TicketTestHost host, string ticketId)
    {
        var actions = new List<string>();
        await foreach (var a in host.Store.ReadAuditAsync(ticketId)) actions.Add(a.Action);
        return actions;
    }

    public void Dispose() => _dir.Dispose();
}
