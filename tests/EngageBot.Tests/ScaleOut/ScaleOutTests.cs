using System.Diagnostics;
using System.Text.RegularExpressions;
using Azure.Data.Tables;
using EngageBot.Features.Interactions;
using EngageBot.Storage;
using EngageBot.Storage.AzureTables;
using EngageBot.Tests.Slack;
using EngageBot.TestSupport;
using EngageBot.TestSupport.FakeSlack;
using Xunit.Abstractions;

namespace EngageBot.Tests.ScaleOut;

/// <summary>
/// Two real service processes on one Azurite store behind a round-robin proxy, as a scaled-out deployment runs: a few
/// thousand signed Slack events, Slack's retries delivered to the other instance, and the SLA nudges they schedule.
/// Counts what reached the store and the fake Slack: every event handled once, every message posted once, every
/// scheduled nudge sent once.
/// </summary>
public sealed partial class ScaleOutTests(AzuriteServer azurite, ITestOutputHelper output) : IClassFixture<AzuriteServer>, IDisposable
{
    // 1,600 events and 400 retries. A partner's message reads that partner's open tickets (to join one the same user
    // opened moments ago), so the questions are spread thin over many partners.
    private const int Partners = 16;
    private const int QuestionsPerPartner = 12;
    private const int RemarksPerPartner = 88;
    private const int ImmediateRetries = 200; // sent right after the original, to whichever instance is next
    private const int CrossRetries = 200;     // sent after the load, each to the instance that did not acknowledge the original
    private static readonly TimeSpan Generous = TimeSpan.FromMinutes(6);

    private readonly TempDirectory _dir = new();
    private readonly string _prefix = "so" + Guid.NewGuid().ToString("N")[..10];

    [Fact]
    public async Task Two_instances_behind_a_round_robin_proxy_handle_each_event_post_each_message_and_send_each_nudge_once()
    {
        var clock = Stopwatch.StartNew();
        await using var slack = await FakeSlackServer.StartAsync();
        slack.AuthTeamId = ScaleOutDirectory.OurTeam;
        slack.AuthBotUserId = SlackHost.BotUserId;
        var events = ScaleOutLoad.Events(Partners, QuestionsPerPartner, RemarksPerPartner);
        foreach (var e in events) slack.AddUser(e.UserId, ScaleOutDirectory.PartnerTeam(e.Partner));

        var environment = Environment(slack);
        File.WriteAllText(_dir.File("partners.yaml"), ScaleOutDirectory.Yaml(Partners));
        var import = await EngageBotProcess.RunAsync(["partners", "import", _dir.File("partners.yaml")], environment);
        Assert.True(import.ExitCode == 0, import.Output + import.Error);

        await using var first = EngageBotServiceProcess.Start(environment);
        await using var second = EngageBotServiceProcess.Start(environment);
        await Task.WhenAll(first.WaitUntilReadyAsync(Generous), second.WaitUntilReadyAsync(Generous));
        await using var proxy = await RoundRobinProxy.StartAsync([first.BaseUrl, second.BaseUrl]);
        using var http = new HttpClient { BaseAddress = proxy.BaseUrl, Timeout = TimeSpan.FromSeconds(30) };
        var load = new ScaleOutLoad(http);
        var started = clock.Elapsed;
        output.WriteLine($"both instances ready after {started.TotalSeconds:F1} s");

        // The load: 8 senders at once; the first ImmediateRetries events are retried at once (Slack did not see the ack in
        // time), so the copy races the original through the other instance's intake or finds it queued.
        var next = -1;
        await Task.WhenAll(Enumerable.Range(0, 8).Select(async _ =>
        {
            for (var i = Interlocked.Increment(ref next); i < events.Count; i = Interlocked.Increment(ref next))
            {
                await load.DeliverAsync(events[i]);
                if (i < ImmediateRetries) await load.DeliverAsync(events[i], retryNum: 1);
            }
        }));
        // Retries after the fact, each to the instance that did not acknowledge the original (one sender, so the
        // proxy's rotation is known).
        foreach (var e in events.Skip(ImmediateRetries).Take(CrossRetries))
            await load.RetryOnTheOtherInstanceAsync(e);
        var sent = clock.Elapsed;
        output.WriteLine($"{load.Requests} requests sent after {sent.TotalSeconds:F1} s");

        var questions = events.Where(e => e.IsQuestion).ToList();
        var expectedPosts = questions.Count * 3; // per ticket: the acknowledgement, the triage card, the SLA warning nudge
        var store = new AzureTablesRecordStore(new TableServiceClient(azurite.ConnectionString), _prefix);
        await EventuallyAsync(() => Task.FromResult(slack.CallsTo("chat.postMessage").Count >= expectedPosts), Generous,
            () => PendingAsync(slack, store, expectedPosts), first, second);
        output.WriteLine($"{expectedPosts} posts after {clock.Elapsed.TotalSeconds:F1} s");
        var inbound = new List<Interaction>();
        await EventuallyAsync(async () =>
        {
            inbound = await InboundAsync(store);
            return inbound.Count >= events.Count;
        }, Generous, () => Task.FromResult($"{inbound.Count} of {events.Count} events handled"), first, second);
        output.WriteLine($"{events.Count} events handled after {clock.Elapsed.TotalSeconds:F1} s");
        await QuietAsync(slack); // anything sent twice would come now
        var settled = clock.Elapsed;

        // Every event handled once: one interaction per message, one ticket per question (and none for the remarks).
        Assert.Equal(events.Count, inbound.Count);
        Assert.Equal(events.Select(e => e.Ts).Order(StringComparer.Ordinal), inbound.Select(i => i.MessageId).Order(StringComparer.Ordinal));
        // TicketSources also remembers every remark (a 🎫 candidate, no TicketId) and each triage card (in the triage channel).
        var links = (await RowsAsync(store, "TicketSources"))
            .Where(r => r.GetString("TicketId") is not null && r.PartitionKey.EndsWith("SHARE", StringComparison.Ordinal)).ToList();
        Assert.Equal(questions.Select(e => e.Ts).Order(StringComparer.Ordinal), links.Select(r => r.RowKey).Order(StringComparer.Ordinal));
        var ticketIds = (await RowsAsync(store, "Tickets")).Where(r => r.RowKey == "ticket").Select(r => r.PartitionKey).ToList();
        Assert.Equal(questions.Count, ticketIds.Count);
        Assert.Equal(ticketIds.Order(StringComparer.Ordinal), links.Select(r => r.GetString("TicketId")!).Order(StringComparer.Ordinal));

        // Every message posted once: per ticket one acknowledgement in the partner's thread, one triage card, one warning DM.
        var posts = slack.CallsTo("chat.postMessage");
        Assert.Equal(expectedPosts, posts.Count);
        foreach (var kind in new[] { "ack", "triage", "nudge" })
        {
            var perTicket = posts.Where(c => KindOf(c) == kind).GroupBy(TicketIdOf).ToDictionary(g => g.Key, g => g.Count());
            Assert.Equal(ticketIds.Order(StringComparer.Ordinal), perTicket.Keys.Order(StringComparer.Ordinal));
            Assert.All(perTicket, p => Assert.True(p.Value == 1, $"{kind} for {p.Key} posted {p.Value} times"));
        }

        // Every scheduled nudge claimed once, by one of the two instances sweeping the same due index.
        var claims = await RowsAsync(store, "TicketNudges");
        Assert.Equal(ticketIds.Order(StringComparer.Ordinal), claims.Select(c => c.PartitionKey).Order(StringComparer.Ordinal));

        Assert.DoesNotContain("Unhandled exception", first.Output + second.Output);
        output.WriteLine($"{load.Requests} signed Slack requests ({events.Count} events, {ImmediateRetries} immediate retries, {CrossRetries} retries to the other instance, "
            + $"the rest resends of a 503); {questions.Count} tickets, {posts.Count} posts, {slack.CallsTo("chat.update").Count} updates, {claims.Count} nudges. "
            + $"Ready after {started.TotalSeconds:F1} s, load sent after {sent.TotalSeconds:F1} s, settled after {settled.TotalSeconds:F1} s.");
    }

    private Dictionary<string, string> Environment(FakeSlackServer slack) => new()
    {
        ["EngageBot__Storage__Provider"] = "AzureTables",
        ["EngageBot__Storage__ConnectionString"] = azurite.ConnectionString,
        ["EngageBot__Storage__TablePrefix"] = _prefix,
        ["EngageBot__Slack__SigningSecret"] = SlackHost.SigningSecret,
        ["EngageBot__Slack__BotToken"] = "xoxb-scale-out",
        ["EngageBot__Slack__ApiBaseUrl"] = slack.BaseUrl.ToString(),
        ["EngageBot__Slack__TeamId"] = ScaleOutDirectory.OurTeam,
        ["EngageBot__Slack__BotUserId"] = SlackHost.BotUserId,
        // The fake Slack enforces no rate limits; pacing would only stretch the test (it is per instance, see docs/operations.md).
        ["EngageBot__Outbox__Slack__PerKeyPerSecond"] = "0",
        ["EngageBot__Outbox__Slack__GlobalPerSecond"] = "0",
        ["EngageBot__Outbox__PollInterval"] = "00:00:01",
        // On a loaded machine a call to the fake Slack or Azurite may time out; its retry should come within the test's
        // waits, not after the default 5-minute backoff ceiling.
        ["EngageBot__Outbox__MaxRetryDelay"] = "00:00:15",
        ["EngageBot__Inbox__MaxRetryDelay"] = "00:00:15",
        ["EngageBot__Inbox__PollInterval"] = "00:00:01",
        ["EngageBot__Tickets__SweepInterval"] = "00:00:05",
        ["EngageBot__ChurnRisk__Detection__Provider"] = "Rules",
        ["Logging__LogLevel__Default"] = "Warning",
    };

    private static string KindOf(RecordedSlackCall call) => call.Field("channel") switch
    {
        { } c when c.StartsWith("D", StringComparison.Ordinal) => "nudge",
        { } c when c.EndsWith("TRIAG", StringComparison.Ordinal) => "triage",
        _ => call.Field("thread_ts") is not null ? "ack" : "other",
    };

    private static string TicketIdOf(RecordedSlackCall call) => TicketId().Match(call.Body).Value;

    [GeneratedRegex("TKT-[0-9A-Z]{6}")]
    private static partial Regex TicketId();

    private static async Task<List<Interaction>> InboundAsync(IRecordStore store)
    {
        var found = new List<Interaction>();
        await foreach (var i in new InteractionStore(store).QueryAsync(null, DateTimeOffset.UnixEpoch))
            if (i.Direction == InteractionDirection.Inbound) found.Add(i);
        return found;
    }

    private static async Task<List<StorageRecord>> RowsAsync(IRecordStore store, string table)
    {
        var rows = new List<StorageRecord>();
        await foreach (var r in store.Table(table).QueryAsync(new RecordQuery())) rows.Add(r);
        return rows;
    }

    // What is missing and what still waits in the stores, for a failure message that tells slowness from loss.
    private static async Task<string> PendingAsync(FakeSlackServer slack, IRecordStore store, int expectedPosts)
    {
        var posts = slack.CallsTo("chat.postMessage");
        var kinds = string.Join(", ", posts.GroupBy(KindOf).Select(g => $"{g.Key} {g.Count()}"));
        var inbox = (await RowsAsync(store, "inbox")).Count(r => r.PartitionKey == "q" && r.RowKey.StartsWith("q|", StringComparison.Ordinal));
        var outbox = (await RowsAsync(store, "outbox")).Where(r => r.PartitionKey.StartsWith("q|", StringComparison.Ordinal)).ToList();
        var due = (await RowsAsync(store, "TicketSlaDue")).Count(r => r.PartitionKey.StartsWith("due-", StringComparison.Ordinal));
        return $"{posts.Count} of {expectedPosts} posts ({kinds}); still queued: {inbox} inbound events, {outbox.Count} outbound messages "
            + $"({string.Join("; ", outbox.Take(5).Select(r => string.Join(",", r.Properties.Where(p => p.Key is not "Payload" and not "Message").Select(p => $"{p.Key}={p.Value}"))))}), {due} due SLA entries";
    }

    private static async Task EventuallyAsync(Func<Task<bool>> condition, TimeSpan timeout, Func<Task<string>> state, params EngageBotServiceProcess[] services)
    {
        var deadline = Stopwatch.StartNew();
        while (!await condition())
        {
            if (deadline.Elapsed > timeout)
                Assert.Fail($"Not within {timeout}: {await state()}\n" + string.Join("\n----\n", services.Select(s => s.Output)));
            await Task.Delay(500);
        }
    }

    // Until the fake Slack has heard nothing new for a few seconds (two SLA sweeps and outbox polls of both instances),
    // or a minute has passed (the counts then tell what kept coming).
    private static async Task QuietAsync(FakeSlackServer slack)
    {
        var quietFor = Stopwatch.StartNew();
        var limit = Stopwatch.StartNew();
        var seen = slack.Calls.Count;
        while (quietFor.Elapsed < TimeSpan.FromSeconds(11) && limit.Elapsed < TimeSpan.FromMinutes(1))
        {
            await Task.Delay(500);
            if (slack.Calls.Count != seen) (seen, quietFor) = (slack.Calls.Count, Stopwatch.StartNew());
        }
    }

    public void Dispose() => _dir.Dispose();
}
