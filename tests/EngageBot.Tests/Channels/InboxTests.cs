using EngageBot.Channels;
using EngageBot.Channels.Inbox;
using EngageBot.Features.Interactions;
using EngageBot.Storage;
using EngageBot.Storage.Sqlite;
using EngageBot.TestSupport;

namespace EngageBot.Tests.Channels;

public sealed class InboxTests : IDisposable
{
    private readonly TempDirectory _dir = new();
    private readonly ManualTimeProvider _time = new();

    private string Db => _dir.File("engagebot.db");

    [Fact]
    public async Task Duplicate_accept_is_handled_once_and_logged_once()
    {
        var handler = new RecordingHandler();
        var log = new FakeInteractionLog();
        var inbox = new InboxHarness(Db, _time, [handler], log, new FakeDirectoryLookup(new() { ["C1"] = "partner-42" }));

        Assert.True(await inbox.Inbox.AcceptAsync(InboxHarness.Message("Ev1")));
        Assert.False(await inbox.Inbox.AcceptAsync(InboxHarness.Message("Ev1")));
        await inbox.Processor.RunOnceAsync(default);
        // A redelivery after the event was handled is stored (the accept makes no reads), then dropped unhandled.
        Assert.True(await inbox.Inbox.AcceptAsync(InboxHarness.Message("Ev1")));
        await inbox.Processor.RunOnceAsync(default);
        Assert.Empty(await inbox.Store.QueuedAsync(10, default));

        Assert.Equal(["Ev1"], handler.Handled.Select(e => e.DedupKey));
        var entry = Assert.Single(log.Entries);
        Assert.Equal(("partner-42", AuthorKind.Partner, InteractionDirection.Inbound, "ts-Ev1", "message", "hello"),
            (entry.PartnerId, entry.AuthorKind, entry.Direction, entry.MessageId, entry.Kind, entry.Text));
    }

    [Fact]
    public async Task Failing_handler_is_retried_with_backoff_then_parked_and_listed()
    {
        var handler = new RecordingHandler { FailWhen = e => e.DedupKey == "Bad" };
        var calls = 0;
        var counting = new CountingHandler(() => calls++);
        var inbox = new InboxHarness(Db, _time, [counting, handler], options: new InboxOptions { MaxAttempts = 3, RetryDelay = TimeSpan.FromSeconds(5) });
        await inbox.Inbox.AcceptAsync(InboxHarness.Message("Bad"));
        _time.Advance(TimeSpan.FromMilliseconds(1));
        await inbox.Inbox.AcceptAsync(InboxHarness.Message("Good"));

        await inbox.Processor.RunOnceAsync(default);
        await inbox.Processor.RunOnceAsync(default);
        Assert.Empty(handler.Handled); // "Good" waits behind "Bad" in the same conversation, to keep order
        _time.Advance(TimeSpan.FromSeconds(5));
        await inbox.Processor.RunOnceAsync(default);
        _time.Advance(TimeSpan.FromSeconds(9));
        await inbox.Processor.RunOnceAsync(default);
        Assert.Empty(handler.Handled); // second retry is due 10 s after the second attempt
        _time.Advance(TimeSpan.FromSeconds(1));
        await inbox.Processor.RunOnceAsync(default);

        Assert.Equal(["Good"], handler.Handled.Select(e => e.DedupKey));
        Assert.Equal(2, calls); // the handler that succeeded first time was not re-run on retries: once per event
        var parked = Assert.Single(await inbox.Store.ParkedAsync(default).ToListAsync());
        Assert.Equal(("Bad", 3), (parked.DedupKey, parked.Attempts));
        Assert.Contains("handler refused Bad", parked.Error);
        var output = new StringWriter();
        Assert.Equal(0, await new InboxParkedCommand(inbox.Store).RunAsync([], output, TextWriter.Null, default));
        Assert.Contains("Bad", output.ToString());
        Assert.Contains("c|Slack|C1", output.ToString());
    }

    [Fact]
    public async Task A_conversation_stuck_behind_a_failing_event_does_not_hold_up_the_conversations_queued_after_it()
    {
        var handler = new RecordingHandler { FailWhen = e => e.DedupKey == "A0" };
        var inbox = new InboxHarness(Db, _time, [handler], options: new InboxOptions { RetryDelay = TimeSpan.FromMinutes(1) }, passSize: 2);
        var t0 = new DateTimeOffset(2026, 11, 2, 9, 0, 0, TimeSpan.Zero);
        for (var i = 0; i < 5; i++) // more of the stuck conversation than one page holds
            await inbox.Inbox.AcceptAsync(InboxHarness.Message($"A{i}", channel: "CA", at: t0.AddSeconds(i)));
        await inbox.Inbox.AcceptAsync(InboxHarness.Message("B0", channel: "CB", at: t0.AddSeconds(10)));

        await inbox.Processor.RunOnceAsync(default);
        await inbox.Processor.RunOnceAsync(default);

        Assert.Equal(["B0"], handler.Handled.Select(e => e.DedupKey));
        _time.Advance(TimeSpan.FromMinutes(1));
        handler.FailWhen = _ => false;
        await inbox.Processor.RunOnceAsync(default);
        Assert.Equal(["B0", "A0", "A1", "A2", "A3", "A4"], handler.Handled.Select(e => e.DedupKey));
    }

    [Fact]
    public async Task Events_accepted_before_a_restart_are_handled_by_the_next_instance()
    {
        var before = new InboxHarness(Db, _time, [new RecordingHandler()]);
        for (var i = 0; i < 5; i++)
            await before.Inbox.AcceptAsync(InboxHarness.Message($"Ev{i}", text: $"m{i}"));

        var handler = new RecordingHandler();
        var after = new InboxHarness(Db, _time, [handler]);
        Assert.False(await after.Inbox.AcceptAsync(InboxHarness.Message("Ev3")));
        await after.Processor.RunOnceAsync(default);

        Assert.Equal(["Ev0", "Ev1", "Ev2", "Ev3", "Ev4"], handler.Handled.Select(e => e.DedupKey));
    }

    [Fact]
    public async Task An_expired_lease_from_a_crashed_instance_is_taken_over()
    {
        var inbox = new InboxHarness(Db, _time, []);
        await inbox.Inbox.AcceptAsync(InboxHarness.Message("Ev1"));
        var head = Assert.Single(await inbox.Store.QueuedAsync(10, default));
        Assert.NotNull(await inbox.Store.TryClaimAsync(head, _time.GetUtcNow() + TimeSpan.FromMinutes(2), default)); // then "crashes"

        var handler = new RecordingHandler();
        var next = new InboxHarness(Db, _time, [handler]);
        await next.Processor.RunOnceAsync(default);
        Assert.Empty(handler.Handled);
        _time.Advance(TimeSpan.FromMinutes(2));
        await next.Processor.RunOnceAsync(default);
        Assert.Equal(["Ev1"], handler.Handled.Select(e => e.DedupKey));
    }

    [Fact]
    public async Task Two_processors_on_one_store_never_handle_an_event_twice_and_keep_conversation_order()
    {
        var handler = new RecordingHandler();
        var a = new InboxHarness(Db, TimeProvider.System, [handler]);
        var b = new InboxHarness(Db, TimeProvider.System, [handler]);
        var expected = new List<string>();
        for (var i = 0; i < 120; i++)
        {
            var e = InboxHarness.Message($"Ev{i:D3}", channel: $"C{i % 6}");
            expected.Add(e.DedupKey);
            await (i % 2 == 0 ? a : b).Inbox.AcceptAsync(e);
        }

        async Task Drain(InboxHarness h)
        {
            for (var round = 0; round < 200 && handler.Handled.Count < expected.Count; round++)
                await h.Processor.RunOnceAsync(default);
        }
        await Task.WhenAll(Task.Run(() => Drain(a)), Task.Run(() => Drain(b)));

        var handled = handler.Handled.Select(e => e.DedupKey).ToList();
        Assert.Equal(expected.Order(), handled.Order());
        foreach (var group in handler.Handled.GroupBy(e => e.Conversation.ChannelId))
            Assert.Equal(group.Select(e => e.DedupKey).Order(), group.Select(e => e.DedupKey));
    }

    [Fact]
    public async Task The_background_processor_wakes_on_accept_without_waiting_for_a_poll()
    {
        var handler = new RecordingHandler();
        var inbox = new InboxHarness(Db, TimeProvider.System, [handler], options: new InboxOptions { PollInterval = TimeSpan.FromHours(1) });
        await inbox.Processor.StartAsync(default);
        try
        {
            await Task.Delay(100);
            await inbox.Inbox.AcceptAsync(InboxHarness.Message("Ev1"));
            await Eventually.TrueAsync(() => handler.Handled.Count == 1, TimeSpan.FromSeconds(5));
        }
        finally
        {
            await inbox.Processor.StopAsync(default);
        }
    }

    [Fact]
    public async Task Done_markers_expire_after_the_retention_even_in_a_conversation_that_went_quiet()
    {
        var handler = new RecordingHandler();
        var inbox = new InboxHarness(Db, _time, [handler], options: new InboxOptions { DoneRetention = TimeSpan.FromDays(1) });
        await inbox.Inbox.AcceptAsync(InboxHarness.Message("Old", channel: "C-quiet"));
        await inbox.Processor.RunOnceAsync(default);
        Assert.Equal(["d|c|Slack|C-quiet|Old"], await Collect(Records("q", "d|")));

        // No event ever arrives in C-quiet again: the hourly purge takes its marker once the retention has passed.
        _time.Advance(TimeSpan.FromHours(23));
        await inbox.Inbox.AcceptAsync(InboxHarness.Message("New"));
        await inbox.Processor.RunOnceAsync(default);
        Assert.Equal(["d|c|Slack|C-quiet|Old", "d|c|Slack|C1|New"], await Collect(Records("q", "d|")));
        _time.Advance(TimeSpan.FromHours(2));
        await inbox.Processor.RunOnceAsync(default);

        Assert.Equal(["d|c|Slack|C1|New"], await Collect(Records("q", "d|")));
        // Within the retention a redelivery is still recognised.
        await inbox.Inbox.AcceptAsync(InboxHarness.Message("New"));
        await inbox.Processor.RunOnceAsync(default);
        Assert.Equal(["Old", "New"], handler.Handled.Select(e => e.DedupKey));
    }

    [Fact]
    public async Task Events_and_done_markers_of_the_previous_layout_are_moved_and_handled()
    {
        // The layout before: a partition per conversation ("q|{ticks}|{dedup}" rows, "d|{dedup}" markers) and a work marker.
        var table = new SqliteRecordStore(Db).Table("inbox");
        var conversation = InboxStore.ConversationKey(new ConversationRef(ChatPlatform.Slack, "C1"));
        var queued = InboxHarness.Message("Queued");
        var props = new Dictionary<string, object?> { ["DedupKey"] = "Queued", ["EventType"] = nameof(MessagePosted), ["AcceptedAt"] = _time.GetUtcNow(), ["Attempts"] = 0 };
        ChunkedText.Write(props, "Payload", ChatEventJson.Serialize(queued));
        await table.InsertAsync(new StorageRecord(conversation, $"q|{StoreKey.Ticks(queued.Timestamp)}|Queued", props));
        await table.InsertAsync(new StorageRecord(conversation, "d|Handled", new Dictionary<string, object?> { ["DoneAt"] = _time.GetUtcNow() }));
        await table.InsertAsync(new StorageRecord("w", conversation, new Dictionary<string, object?> { ["UpdatedAt"] = _time.GetUtcNow() }));
        var handler = new RecordingHandler();
        var inbox = new InboxHarness(Db, _time, [handler]);

        await inbox.Processor.RunOnceAsync(default);
        await inbox.Inbox.AcceptAsync(InboxHarness.Message("Handled")); // a redelivery of an event handled before the upgrade
        await inbox.Processor.RunOnceAsync(default);

        Assert.Equal(["Queued"], handler.Handled.Select(e => e.DedupKey));
        Assert.Empty(await Collect(Records(conversation, "")));
        Assert.Empty(await Collect(Records("w", "")));
    }

    private static async Task<List<string>> Collect(IAsyncEnumerable<string> rows)
    {
        var list = new List<string>();
        await foreach (var row in rows)
            list.Add(row);
        return list;
    }

    private async IAsyncEnumerable<string> Records(string partition, string prefix)
    {
        await foreach (var r in new SqliteRecordStore(Db).Table("inbox").QueryAsync(RecordQuery.Prefix(partition, prefix)))
            yield return r.RowKey;
    }

    public void Dispose() => _dir.Dispose();

    private sealed class CountingHandler(Action onCall) : IChatEventHandler
    {
        public Task HandleAsync(ChatEvent chatEvent, CancellationToken cancellationToken)
        {
            onCall();
            return Task.CompletedTask;
        }
    }
}
