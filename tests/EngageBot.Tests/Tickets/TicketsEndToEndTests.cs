using System.Text.Json.Nodes;
using EngageBot.Channels;
using EngageBot.Features.Tickets.Cards;
using EngageBot.Features.Tickets.Lifecycle;
using EngageBot.TestSupport;

namespace EngageBot.Tests.Tickets;

/// <summary>
/// A partner question through first response, a follow-up, waiting, resolution, reopen and close, driven through
/// the event handler with a manual clock and the SLA sweep running every few minutes, asserting exactly the nudges sent.
/// (The integrator runs the same scenario over the Slack and Teams fakes.)
/// </summary>
public sealed class TicketsEndToEndTests : IDisposable
{
    private readonly TempDirectory _dir = new();
    private readonly ManualTimeProvider _clock = new(new DateTimeOffset(2026, 11, 2, 9, 0, 0, TimeSpan.Zero)); // Mon 10:00 Berlin

    private static DateTimeOffset Utc(int day, int hour, int minute = 0) => new(2026, 11, day, hour, minute, 0, TimeSpan.Zero);

    [Theory]
    [InlineData("Slack")]
    [InlineData("Teams")]
    public async Task Partner_question_runs_the_whole_lifecycle_with_exactly_the_expected_nudges(string platformName)
    {
        var platform = ChatPlatform.Parse(platformName);
        using var host = new TicketTestHost(_dir.File($"{platform}.db"), _clock);
        var slack = platform == ChatPlatform.Slack;
        var pat = slack ? TicketTestHost.Partner() : new ChatUser("29:pat", "Pat Partner", AuthorKind.Partner, "aad-pat", "tenant-acme");
        var alice = slack ? TicketTestHost.Internal() : new ChatUser("29:alice", "Alice Agent", AuthorKind.Internal, "aad-alice", "tenant-ours");
        var (owner, aliceDm) = slack ? ("U-OWNER", "U-ALICE") : ("aad-owner", "aad-alice");

        // Mon 09:00Z: the partner asks. First response is due in 2 business hours (warning at 1h30).
        var root = await host.PostAsync(pat, "How do I rotate the API key for our production tenant?", on: platform);
        var id = (await host.TicketForAsync(root, platform)).Id;
        await RunUntilAsync(host, Utc(2, 10, 45));
        Assert.Equal([$"FirstResponse.Warning.1->{owner}"], Nudges(host));

        // 10:45Z: Alice answers in the thread (first response, and she takes the ticket).
        await host.PostAsync(alice, "Settings → API keys → Rotate. Want me to walk you through it?", root, platform);
        Assert.Equal(TicketStatus.Responded, (await host.Store.GetAsync(id))!.Status);

        // 11:00Z: a partner follow-up starts the next-response clock (4h, warning at 3h → 14:00Z) — it warns Alice, the assignee.
        await RunUntilAsync(host, Utc(2, 11));
        await host.PostAsync(pat, "Yes please, and will the old key keep working for a while?", root, platform);
        await RunUntilAsync(host, Utc(2, 14, 15));
        Assert.Equal([$"FirstResponse.Warning.1->{owner}", $"NextResponse.Warning.1->{aliceDm}"], Nudges(host));
        await host.PostAsync(alice, "The old key works for 24 hours after rotation.", root, platform);

        // 14:20Z: waiting on the partner pauses the resolution clock: two days pass without a single nudge.
        await RunUntilAsync(host, Utc(2, 14, 20));
        await host.CommandAsync(alice, $"waiting {id}", host.Channel(platform));
        Assert.Equal(TicketStatus.WaitingOnPartner, (await host.Store.GetAsync(id))!.Status);
        await RunUntilAsync(host, Utc(4, 9));
        Assert.Equal(2, host.Outbox.Nudges().Count);

        // Wed 09:00Z: the partner comes back; Alice answers and resolves with ✅.
        await host.PostAsync(pat, "Rotated, all good on our side.", root, platform);
        Assert.Equal(TicketStatus.Responded, (await host.Store.GetAsync(id))!.Status);
        await RunUntilAsync(host, Utc(4, 9, 30));
        await host.PostAsync(alice, "Great, closing this one.", root, platform);
        await host.ReactAsync(alice, root, "white_check_mark", platform);
        Assert.Equal(TicketStatus.Resolved, (await host.Store.GetAsync(id))!.Status);

        // Thu 09:00Z: within the 3-day window the partner replies: reopened.
        await RunUntilAsync(host, Utc(5, 9));
        await host.PostAsync(pat, "Sorry — the old key stopped working already, is that expected?", root, platform);
        Assert.Equal(TicketStatus.Reopened, (await host.Store.GetAsync(id))!.Status);
        await RunUntilAsync(host, Utc(5, 9, 20));
        await host.PostAsync(alice, "Yes if you rotated twice; all fine now.", root, platform);

        // 09:30Z: resolved from the triage card's button, then closed by the sweep when the reopen window ends.
        await RunUntilAsync(host, Utc(5, 9, 30));
        var triage = new MessageRef(new ConversationRef(platform, slack ? TicketTestHost.SlackTriage : TicketTestHost.TeamsTriage), "triage-msg-1");
        var result = await host.Cards.HandleAsync(new CardActionInvoked("evt-card", _clock.GetUtcNow(), triage.Conversation, alice,
            TicketVerbs.Resolve, new JsonObject { ["ticketId"] = id }, triage), default);
        Assert.Contains("Resolved", result.UpdatedCard!.ToJsonString());
        await RunUntilAsync(host, Utc(8, 10));

        var ticket = (await host.Store.GetAsync(id))!;
        Assert.Equal(TicketStatus.Closed, ticket.Status);
        Assert.Equal([$"FirstResponse.Warning.1->{owner}", $"NextResponse.Warning.1->{aliceDm}"], Nudges(host));
        Assert.All(host.Outbox.Nudges(), n => Assert.Equal((DeliveryKind.DirectMessage, platform), (n.Target.Kind, n.Target.Platform)));

        var audit = new List<TicketAuditEntry>();
        await foreach (var a in host.Store.ReadAuditAsync(id)) audit.Add(a);
        Assert.Equal(
            ["opened", "first-response", "waiting-on-partner", "partner-replied", "resolved", "reopened", "responded", "resolved", "closed"],
            audit.Select(a => a.Action));
        Assert.Equal(Utc(2, 10, 45), audit[1].At);
        Assert.Equal("alice", audit[1].ActorId);
        Assert.InRange(audit[^1].At, Utc(5, 9, 30) + TimeSpan.FromDays(3), Utc(5, 9, 30) + TimeSpan.FromDays(3) + LongStep); // the first sweep after the window

        // The partner got one acknowledgement; the triage card was posted once, then updated in place.
        Assert.Single(host.Outbox.All, s => s.Key == $"ticket-ack|{id}");
        Assert.Single(host.Outbox.To(DeliveryKind.Post), s => s.Key.StartsWith("ticket-triage|", StringComparison.Ordinal));
        Assert.Contains(host.Outbox.To(DeliveryKind.Update), u => u.Target.MessageId == triage.MessageId);
    }

    private static readonly TimeSpan LongStep = TimeSpan.FromMinutes(30);

    private async Task RunUntilAsync(TicketTestHost host, DateTimeOffset until)
    {
        // Sweeps every 5 minutes around the action, every 30 over long quiet stretches (keeps the test at a few seconds).
        var step = until - _clock.GetUtcNow() > TimeSpan.FromHours(6) ? LongStep : TimeSpan.FromMinutes(5);
        while (_clock.GetUtcNow() < until)
        {
            var next = _clock.GetUtcNow() + step;
            _clock.SetUtcNow(next < until ? next : until);
            await host.Sweeper.SweepAsync(default);
        }
    }

    private static string[] Nudges(TicketTestHost host) =>
        host.Outbox.Nudges().Select(n => $"{n.Key.Split('|')[2]}->{n.Target.UserId}").ToArray();

    public void Dispose() => _dir.Dispose();
}
