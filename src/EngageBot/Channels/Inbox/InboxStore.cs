using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using EngageBot.Storage;

namespace EngageBot.Channels.Inbox;

/// <summary>
/// Accepted inbound events until every handler has seen them. Table "inbox":
///   PK "c|{platform}|{channelId}"  one partition per conversation, so dedup and order are one partition's business:
///     RK "q|{eventTicks:D19}|{dedupKey}"   the queued event: payload, attempts, lease, next attempt, steps done.
///                                          The key derives from the event alone, so a platform retry of a queued
///                                          event collides with it (insert conflict = duplicate) in one write.
///     RK "d|{dedupKey}"                    done marker, written in one batch with the queued row's delete: an event
///                                          redelivered after it was handled is queued again, found done, and dropped.
///                                          Purged after DoneRetention, when the conversation next drains.
///   PK "w"       RK "{conversation partition}"   work marker, upserted before the event so a poller always finds it
///   PK "parked"  RK "{parkedTicks:D19}|{conversation partition}|{queue row}"   events that failed MaxAttempts times
///   PK "purge"   RK "{conversation partition}"   DueAt: the conversation still holds done markers, all expired by then;
///                                                swept so a conversation that goes quiet does not keep them forever
/// Events are handled in the platform's time order within a conversation (ties by dedup key).
/// Queries: all work markers (partition "w"); a conversation's oldest queued event (prefix "q|", take 1);
/// parked events oldest first (partition "parked").
/// </summary>
internal sealed class InboxStore(IRecordStore store)
{
    private const string MarkerPartition = "w";
    private const string ParkedPartition = "parked";
    private const string PurgePartition = "purge";

    /// <summary>
    /// A marker this instance touched this recently needs no new touch: the processor only drops markers untouched for
    /// its one-minute grace, so skipping saves a write transaction per accept (the ack path's bottleneck) safely.
    /// </summary>
    private static readonly TimeSpan MarkerFresh = TimeSpan.FromSeconds(20);

    private readonly ConcurrentDictionary<string, DateTimeOffset> _markersTouched = new(StringComparer.Ordinal);

    private IRecordTable Table => store.Table("inbox");

    public static string ConversationPartition(ConversationRef c) => $"c|{c.Platform}|{StoreKey.Escape(c.ChannelId)}";

    /// <summary>Stores the event; false when its dedup key was seen before in this conversation.</summary>
    public async Task<bool> AddAsync(ChatEvent chatEvent, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var partition = ConversationPartition(chatEvent.Conversation);
        var dedupRow = "d|" + StoreKey.Escape(chatEvent.DedupKey);
        // No read first: the dedup marker's insert in the batch below is the atomic duplicate check.
        if (!_markersTouched.TryGetValue(partition, out var touched) || now - touched >= MarkerFresh || now < touched)
        {
            await TouchMarkerAsync(partition, now, cancellationToken);
            _markersTouched[partition] = now;
        }
        var queueRow = $"q|{StoreKey.Ticks(chatEvent.Timestamp)}|{StoreKey.Escape(chatEvent.DedupKey)}";
        var props = new Dictionary<string, object?>
        {
            ["DedupKey"] = chatEvent.DedupKey,
            ["EventType"] = chatEvent.GetType().Name,
            ["AcceptedAt"] = now,
            ["Attempts"] = 0,
        };
        ChunkedText.Write(props, "Payload", ChatEventJson.Serialize(chatEvent));
        try
        {
            await Table.InsertAsync(new StorageRecord(partition, queueRow, props), cancellationToken);
            return true;
        }
        catch (RecordExistsException)
        {
            return false;
        }
    }

    /// <summary>
    /// True when this event was handled (or parked) before: a redelivery that arrived after its original was done.
    /// Markers written by earlier versions at accept time carry no DoneAt and do not count.
    /// </summary>
    public async Task<bool> IsDoneAsync(InboxEntry entry, CancellationToken cancellationToken) =>
        await Table.GetAsync(entry.Partition, DoneRow(entry.DedupKey), cancellationToken) is { } marker && marker.GetDateTime("DoneAt") is not null;

    public async IAsyncEnumerable<WorkMarker> MarkersAsync([EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await foreach (var r in Table.QueryAsync(RecordQuery.Partition(MarkerPartition), cancellationToken))
            yield return new WorkMarker(r.RowKey, r.GetDateTime("UpdatedAt") ?? DateTimeOffset.MinValue, r.ETag!);
    }

    public async Task<InboxEntry?> HeadAsync(string partition, CancellationToken cancellationToken)
    {
        await foreach (var r in Table.QueryAsync(RecordQuery.Prefix(partition, "q|") with { Take = 1 }, cancellationToken))
            return Read(r);
        return null;
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
        var done = new StorageRecord(entry.Partition, DoneRow(entry.DedupKey), new Dictionary<string, object?> { ["DoneAt"] = now });
        try
        {
            await Table.SubmitBatchAsync([RecordOperation.Delete(new StorageRecord(entry.Partition, entry.RowKey, new Dictionary<string, object?>(), entry.ETag)), RecordOperation.Upsert(done)], cancellationToken);
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
            ["Conversation"] = entry.Partition,
            ["DedupKey"] = entry.DedupKey,
            ["EventType"] = entry.EventType,
            ["AcceptedAt"] = entry.AcceptedAt,
            ["ParkedAt"] = now,
            ["Attempts"] = entry.Attempts,
            ["Error"] = Truncate(error, 8000),
        };
        ChunkedText.Write(props, "Payload", entry.Payload);
        await Table.UpsertAsync(new StorageRecord(ParkedPartition, $"{StoreKey.Ticks(now)}|{entry.Partition}|{entry.RowKey}", props), cancellationToken);
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
    /// Drops the marker of a drained conversation, unless it was touched within <paramref name="grace"/>: an acceptor
    /// touches the marker before inserting its event, so a young marker may belong to an event not yet visible.
    /// </summary>
    public async Task TryRemoveMarkerAsync(WorkMarker marker, DateTimeOffset now, TimeSpan grace, CancellationToken cancellationToken)
    {
        if (now - marker.UpdatedAt < grace)
            return;
        try
        {
            await Table.DeleteAsync(MarkerPartition, marker.Partition, marker.ETag, cancellationToken);
        }
        catch (ConcurrencyConflictException)
        {
        }
    }

    /// <summary>
    /// Deletes a conversation's done markers older than <paramref name="cutoff"/> (and markers of earlier versions,
    /// which carry only AcceptedAt); returns how many. Platforms stop redelivering within minutes, so a marker only
    /// has to outlive that. Best effort: a batch that meets a marker another instance just deleted is skipped.
    /// </summary>
    public async Task<DonePurge> PurgeDoneAsync(string partition, DateTimeOffset cutoff, CancellationToken cancellationToken)
    {
        var expired = new List<RecordOperation>();
        DateTimeOffset? oldestKept = null;
        await foreach (var r in Table.QueryAsync(RecordQuery.Prefix(partition, "d|"), cancellationToken))
        {
            var at = r.GetDateTime("DoneAt") ?? r.GetDateTime("AcceptedAt");
            if (at is null || at < cutoff)
                expired.Add(RecordOperation.Delete(new StorageRecord(partition, r.RowKey, new Dictionary<string, object?>(), r.ETag)));
            else if (oldestKept is null || at < oldestKept)
                oldestKept = at;
        }
        var purged = 0;
        foreach (var batch in expired.Chunk(BatchRules.MaxOperations))
        {
            try
            {
                await Table.SubmitBatchAsync(batch, cancellationToken);
                purged += batch.Length;
            }
            catch (BatchFailedException e) when (e.Cause is ConcurrencyConflictException)
            {
            }
        }
        return new DonePurge(purged, oldestKept);
    }

    /// <summary>Remembers that <paramref name="partition"/> holds done markers that will all have expired by <paramref name="dueAt"/>.</summary>
    public Task SchedulePurgeAsync(string partition, DateTimeOffset dueAt, CancellationToken cancellationToken) =>
        Table.UpsertAsync(new StorageRecord(PurgePartition, partition, new Dictionary<string, object?> { ["DueAt"] = dueAt }), cancellationToken);

    /// <summary>Conversations whose scheduled purge is due (one small partition: a row per conversation with markers).</summary>
    public async IAsyncEnumerable<ScheduledPurge> PurgesDueAsync(DateTimeOffset now, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await foreach (var r in Table.QueryAsync(RecordQuery.Partition(PurgePartition), cancellationToken))
        {
            if (r.GetDateTime("DueAt") is not { } due || due <= now)
                yield return new ScheduledPurge(r.RowKey, r.ETag!);
        }
    }

    /// <summary>Drops a schedule unless another instance rescheduled it meanwhile.</summary>
    public async Task UnschedulePurgeAsync(ScheduledPurge purge, CancellationToken cancellationToken)
    {
        try
        {
            await Table.DeleteAsync(PurgePartition, purge.Partition, purge.ETag, cancellationToken);
        }
        catch (ConcurrencyConflictException)
        {
        }
    }

    private static string DoneRow(string dedupKey) => "d|" + StoreKey.Escape(dedupKey);

    private Task TouchMarkerAsync(string partition, DateTimeOffset now, CancellationToken cancellationToken) =>
        Table.UpsertAsync(new StorageRecord(MarkerPartition, partition, new Dictionary<string, object?> { ["UpdatedAt"] = now }), cancellationToken);

    private static InboxEntry Read(StorageRecord r) => new(
        r.PartitionKey, r.RowKey, r.ETag!,
        r.GetString("DedupKey") ?? "", r.GetString("EventType") ?? "", ChunkedText.Read(r, "Payload"),
        r.GetDateTime("AcceptedAt") ?? default, (int)(r.GetInt64("Attempts") ?? 0),
        r.GetDateTime("NextAttemptAt"), r.GetDateTime("LeaseUntil"), r.GetString("LastError"),
        (r.GetString("StepsDone") ?? "").Split('\n', StringSplitOptions.RemoveEmptyEntries));

    private static StorageRecord Write(InboxEntry e)
    {
        var props = new Dictionary<string, object?>
        {
            ["DedupKey"] = e.DedupKey,
            ["EventType"] = e.EventType,
            ["AcceptedAt"] = e.AcceptedAt,
            ["Attempts"] = e.Attempts,
            ["NextAttemptAt"] = e.NextAttemptAt,
            ["LeaseUntil"] = e.LeaseUntil,
            ["LastError"] = e.LastError is null ? null : Truncate(e.LastError, 8000),
            ["StepsDone"] = e.StepsDone.Count == 0 ? null : string.Join('\n', e.StepsDone),
        };
        ChunkedText.Write(props, "Payload", e.Payload);
        return new StorageRecord(e.Partition, e.RowKey, props, e.ETag);
    }

    private static string Truncate(string s, int max) => s.Length <= max ? s : s[..max];
}

internal sealed record WorkMarker(string Partition, DateTimeOffset UpdatedAt, string ETag);

/// <summary>What a purge of done markers did: how many expired markers went, and when the oldest one left was written.</summary>
internal readonly record struct DonePurge(int Purged, DateTimeOffset? OldestRemaining);

internal sealed record ScheduledPurge(string Partition, string ETag);
