using System.Runtime.CompilerServices;
using EngageBot.Hosting.Telemetry;
using EngageBot.Storage;

namespace EngageBot.Channels.Inbox;

/// <summary>
/// Accepted inbound events until every handler has seen them. Table "inbox":
///   PK "q"   the queue, one partition for every conversation, so accepts append at one place in key order:
///            SQLite's index and WAL then touch a page or two per commit instead of one per conversation, which
///            halved the bytes written per accepted event (slack-ack benchmark). Table Storage serves one partition
///            about 2,000 operations a second, far above what Slack (30,000 events an hour per workspace) sends.
///     RK "q|{eventTicks:D19}|{conversation}|{dedupKey}"   the queued event: payload, attempts, lease, next attempt,
///                                                         steps done. The key derives from the event alone, so a
///                                                         platform retry of a queued event collides with it
///                                                         (insert conflict = duplicate) in one write.
///     RK "d|{conversation}|{dedupKey}"                    done marker, written in one batch with the queued row's
///                                                         delete: an event redelivered after it was handled is
///                                                         queued again, found done, and dropped. Purged after DoneRetention.
///   PK "parked"  RK "{parkedTicks:D19}|{conversation}|{queue row}"   events that failed MaxAttempts times
///   PK "layout"  RK "q"   present once rows of the previous layout have been moved
/// conversation = "c|{platform}|{escaped channel id}". Events are handled in the platform's time order within a
/// conversation (ties by dedup key). Earlier versions kept one partition per conversation plus work markers ("w");
/// <see cref="MigrateLegacyAsync"/> moves such rows into this layout.
/// </summary>
internal sealed class InboxStore(IRecordStore store)
{
    private const string QueuePartition = "q";
    private const string ParkedPartition = "parked";

    /// <summary>Row "layout"/"q": written once the previous layout has been moved, so later starts skip the table scan.</summary>
    private const string LayoutPartition = "layout";

    private IRecordTable Table => store.Table("inbox");

    public static string ConversationKey(ConversationRef c) => $"c|{c.Platform}|{StoreKey.Escape(c.ChannelId)}";

    /// <summary>Stores the event; false when it is still queued (a platform retry of an event not yet handled).</summary>
    public async Task<bool> AddAsync(ChatEvent chatEvent, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var conversation = ConversationKey(chatEvent.Conversation);
        var props = new Dictionary<string, object?>
        {
            ["Conversation"] = conversation,
            ["DedupKey"] = chatEvent.DedupKey,
            ["EventType"] = chatEvent.GetType().Name,
            ["AcceptedAt"] = now,
            ["Attempts"] = 0,
            ["TraceParent"] = EngageBotTelemetry.CurrentTraceParent(),
        };
        ChunkedText.Write(props, "Payload", ChatEventJson.Serialize(chatEvent));
        try
        {
            await Table.InsertAsync(new StorageRecord(QueuePartition, QueueRow(StoreKey.Ticks(chatEvent.Timestamp), conversation, chatEvent.DedupKey), props), cancellationToken);
            return true;
        }
        catch (RecordExistsException)
        {
            return false;
        }
    }

    /// <summary>
    /// True when this event was handled (or parked) before: a redelivery that arrived after its original was done.
    /// </summary>
    public async Task<bool> IsDoneAsync(InboxEntry entry, CancellationToken cancellationToken) =>
        await Table.GetAsync(QueuePartition, DoneRow(entry.Conversation, entry.DedupKey), cancellationToken) is not null;

    /// <summary>The oldest queued events (after the queue row <paramref name="after"/>, when given), in platform time order across conversations.</summary>
    public async Task<List<InboxEntry>> QueuedAsync(int take, CancellationToken cancellationToken, string? after = null)
    {
        var query = RecordQuery.Prefix(QueuePartition, "q|") with { Take = take };
        // Keys hold no control characters (StoreKey escapes them), so the key itself plus " " is the first one after it.
        if (after is not null)
            query = query with { RowKeyFrom = after + " " };
        var entries = new List<InboxEntry>();
        await foreach (var r in Table.QueryAsync(query, cancellationToken))
            entries.Add(Read(r));
        return entries;
    }

    /// <summary>Takes the entry for this instance until <paramref name="leaseUntil"/>; null if someone else changed it first.</summary>
    public async Task<InboxEntry?> TryClaimAsync(InboxEntry entry, DateTimeOffset leaseUntil, CancellationToken cancellationToken)
    {
        var claimed = entry with { Attempts = entry.Attempts + 1, LeaseUntil = leaseUntil };
        try
        {
            var etag = await Table.UpdateAsync(Write(claimed), cancellationToken);
            return claimed with { ETag = etag };
        }
        catch (ConcurrencyConflictException)
        {
            return null;
        }
    }

    /// <summary>Deletes a handled entry and marks its event done, atomically; false if its lease was lost to another instance meanwhile.</summary>
    public async Task<bool> CompleteAsync(InboxEntry entry, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var done = new StorageRecord(QueuePartition, DoneRow(entry.Conversation, entry.DedupKey), new Dictionary<string, object?> { ["DoneAt"] = now });
        try
        {
            await Table.SubmitBatchAsync([RecordOperation.Delete(new StorageRecord(QueuePartition, entry.RowKey, new Dictionary<string, object?>(), entry.ETag)), RecordOperation.Upsert(done)], cancellationToken);
            return true;
        }
        catch (BatchFailedException e) when (e.FailedIndex == 0 && e.Cause is ConcurrencyConflictException)
        {
            return false;
        }
    }

    public async Task RetryLaterAsync(InboxEntry entry, DateTimeOffset nextAttemptAt, string? error, IReadOnlyList<string> stepsDone, CancellationToken cancellationToken)
    {
        try
        {
            await Table.UpdateAsync(Write(entry with { NextAttemptAt = nextAttemptAt, LeaseUntil = null, LastError = error, StepsDone = stepsDone }), cancellationToken);
        }
        catch (ConcurrencyConflictException)
        {
            // The lease expired and another instance took the event over; its outcome wins.
        }
    }

    /// <summary>Moves the entry to the parked list (idempotent: the parked row key derives from the queue row).</summary>
    public async Task ParkAsync(InboxEntry entry, string error, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var props = new Dictionary<string, object?>
        {
            ["Conversation"] = entry.Conversation,
            ["DedupKey"] = entry.DedupKey,
            ["EventType"] = entry.EventType,
            ["AcceptedAt"] = entry.AcceptedAt,
            ["ParkedAt"] = now,
            ["Attempts"] = entry.Attempts,
            ["Error"] = Truncate(error, 8000),
        };
        ChunkedText.Write(props, "Payload", entry.Payload);
        await Table.UpsertAsync(new StorageRecord(ParkedPartition, $"{StoreKey.Ticks(now)}|{entry.Conversation}|{entry.RowKey}", props), cancellationToken);
        await CompleteAsync(entry, now, cancellationToken);
    }

    public async IAsyncEnumerable<ParkedEvent> ParkedAsync([EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await foreach (var r in Table.QueryAsync(RecordQuery.Partition(ParkedPartition), cancellationToken))
        {
            yield return new ParkedEvent(r.GetString("Conversation") ?? "", r.GetString("DedupKey") ?? "", r.GetString("EventType") ?? "",
                r.GetDateTime("AcceptedAt") ?? default, r.GetDateTime("ParkedAt") ?? default, (int)(r.GetInt64("Attempts") ?? 0),
                r.GetString("Error") ?? "", ChunkedText.Read(r, "Payload"));
        }
    }

    /// <summary>
    /// Deletes done markers older than <paramref name="cutoff"/>; returns how many. Platforms stop redelivering within
    /// minutes, so a marker only has to outlive that. Best effort: a batch that meets a marker another instance just
    /// deleted is skipped.
    /// </summary>
    public async Task<int> PurgeDoneAsync(DateTimeOffset cutoff, CancellationToken cancellationToken)
    {
        var expired = new List<RecordOperation>();
        await foreach (var r in Table.QueryAsync(RecordQuery.Prefix(QueuePartition, "d|"), cancellationToken))
        {
            if (r.GetDateTime("DoneAt") is not { } at || at < cutoff)
                expired.Add(RecordOperation.Delete(new StorageRecord(QueuePartition, r.RowKey, new Dictionary<string, object?>(), r.ETag)));
        }
        return await DeleteAsync(expired, cancellationToken);
    }

    /// <summary>
    /// Moves what earlier versions stored (a partition per conversation, work markers) into this layout, once per
    /// store; returns how many queued events moved. Each row is copied before its original is deleted, and a copy
    /// that already exists counts as copied, so an interrupted migration simply runs again. Done markers of earlier
    /// versions without DoneAt were written at accept time, not completion, and are dropped with their partition.
    /// </summary>
    public async Task<int> MigrateLegacyAsync(DateTimeOffset now, CancellationToken cancellationToken)
    {
        if (await Table.GetAsync(LayoutPartition, QueuePartition, cancellationToken) is not null)
            return 0;
        var legacy = new List<StorageRecord>();
        await foreach (var r in Table.QueryAsync(new RecordQuery(), cancellationToken))
        {
            if (r.PartitionKey is not (QueuePartition or ParkedPartition or LayoutPartition))
                legacy.Add(r);
        }
        var moved = 0;
        foreach (var r in legacy)
        {
            if (r.PartitionKey.StartsWith("c|", StringComparison.Ordinal) && r.RowKey.StartsWith("q|", StringComparison.Ordinal))
            {
                // Legacy queue row: "q|{ticks}|{dedupKey}" in the conversation's partition.
                var ticks = r.RowKey.Split('|')[1];
                var props = new Dictionary<string, object?>(r.Properties) { ["Conversation"] = r.PartitionKey };
                var row = QueueRow(ticks, r.PartitionKey, r.GetString("DedupKey") ?? r.RowKey[(ticks.Length + 3)..]);
                try { await Table.InsertAsync(new StorageRecord(QueuePartition, row, props), cancellationToken); }
                catch (RecordExistsException) { }
                moved++;
            }
            else if (r.PartitionKey.StartsWith("c|", StringComparison.Ordinal) && r.RowKey.StartsWith("d|", StringComparison.Ordinal) && r.GetDateTime("DoneAt") is not null)
            {
                await Table.UpsertAsync(new StorageRecord(QueuePartition, $"d|{r.PartitionKey}|{r.RowKey[2..]}", r.Properties), cancellationToken);
            }
            try { await Table.DeleteAsync(r.PartitionKey, r.RowKey, r.ETag, cancellationToken); }
            catch (ConcurrencyConflictException) { }
        }
        await Table.UpsertAsync(new StorageRecord(LayoutPartition, QueuePartition, new Dictionary<string, object?> { ["MigratedAt"] = now }), cancellationToken);
        return moved;
    }

    private async Task<int> DeleteAsync(List<RecordOperation> deletes, CancellationToken cancellationToken)
    {
        var deleted = 0;
        foreach (var batch in deletes.Chunk(BatchRules.MaxOperations))
        {
            try
            {
                await Table.SubmitBatchAsync(batch, cancellationToken);
                deleted += batch.Length;
            }
            catch (BatchFailedException e) when (e.Cause is ConcurrencyConflictException)
            {
            }
        }
        return deleted;
    }

    private static string QueueRow(string ticks, string conversation, string dedupKey) => $"q|{ticks}|{conversation}|{StoreKey.Escape(dedupKey)}";

    private static string DoneRow(string conversation, string dedupKey) => $"d|{conversation}|{StoreKey.Escape(dedupKey)}";

    private static InboxEntry Read(StorageRecord r) => new(
        r.GetString("Conversation") ?? "", r.RowKey, r.ETag!,
        r.GetString("DedupKey") ?? "", r.GetString("EventType") ?? "", ChunkedText.Read(r, "Payload"),
        r.GetDateTime("AcceptedAt") ?? default, (int)(r.GetInt64("Attempts") ?? 0),
        r.GetDateTime("NextAttemptAt"), r.GetDateTime("LeaseUntil"), r.GetString("LastError"),
        (r.GetString("StepsDone") ?? "").Split('\n', StringSplitOptions.RemoveEmptyEntries), r.GetString("TraceParent"));

    private static StorageRecord Write(InboxEntry e)
    {
        var props = new Dictionary<string, object?>
        {
            ["Conversation"] = e.Conversation,
            ["DedupKey"] = e.DedupKey,
            ["EventType"] = e.EventType,
            ["AcceptedAt"] = e.AcceptedAt,
            ["Attempts"] = e.Attempts,
            ["NextAttemptAt"] = e.NextAttemptAt,
            ["LeaseUntil"] = e.LeaseUntil,
            ["LastError"] = e.LastError is null ? null : Truncate(e.LastError, 8000),
            ["StepsDone"] = e.StepsDone.Count == 0 ? null : string.Join('\n', e.StepsDone),
            ["TraceParent"] = e.TraceParent,
        };
        ChunkedText.Write(props, "Payload", e.Payload);
        return new StorageRecord(QueuePartition, e.RowKey, props, e.ETag);
    }

    private static string Truncate(string s, int max) => s.Length <= max ? s : s[..max];
}
