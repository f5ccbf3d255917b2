using System.Runtime.CompilerServices;
using System.Text.Json;
using EngageBot.Channels.Inbox;
using EngageBot.Hosting.Telemetry;
using EngageBot.Storage;

namespace EngageBot.Channels.Outbox;

/// <summary>
/// Outbound messages until delivered or given up. Table "outbox":
///   PK "q|{platform}|{pacingKey}"  RK "{enqueuedTicks:D19}|{guid}"   queued message: payload, attempts, next attempt,
///       lease and attempt id while sending. One partition per pacing key: its range scan is the send order.
///       Delivered or failed messages are deleted from here.
///   PK "k|{bucket}"  RK "{idempotencyKey}"   receipt: queue position, then Delivered + message ref or Failed + reason.
///       Its insert conflict is the idempotency check; bucket (FNV hash mod 16) spreads receipts over partitions.
///   PK "w"  RK "{queue partition}"   work marker, upserted before the message so a poller finds the queue
///   PK "failed"  RK "{enqueuedTicks:D19}|{idempotencyKey}"   permanent failures, for the CLI
///   PK "waiting|{platform}"  RK "{queue partition}"   a queue whose head waits for the bot to be added somewhere,
///       so a bot-added event can wake exactly those queues
/// Queries: a queue's head (partition, take 1); a receipt by key (point read); markers; failed list.
/// A queued message counts only once its receipt points at it: the enqueue inserts the message first, then
/// the receipt, and removes its message on a receipt conflict; the sender adopts a receipt-less message
/// after <see cref="CommitGrace"/> (the enqueuer died in between) so nothing is ever stuck or sent twice.
/// </summary>
internal sealed class OutboxStore(IRecordStore store)
{
    public static readonly TimeSpan CommitGrace = TimeSpan.FromSeconds(30);
    private const string MarkerPartition = "w";
    private const string FailedPartition = "failed";

    private readonly ArrivalClock _arrival = new();
    private readonly System.Collections.Concurrent.ConcurrentDictionary<string, DateTimeOffset> _markersTouched = new(StringComparer.Ordinal);
    private readonly System.Collections.Concurrent.ConcurrentDictionary<(string, string), bool> _committed = new();

    private IRecordTable Table => store.Table("outbox");

    public static string QueuePartition(ChatPlatform platform, string pacingKey) => $"q|{platform}|{StoreKey.Escape(pacingKey)}";

    /// <summary>Queues the message; false when the idempotency key was enqueued before (nothing is stored then).</summary>
    public async Task<bool> AddAsync(string idempotencyKey, ChatPlatform platform, string pacingKey, OutboxPayload payload, DateTimeOffset now, CancellationToken cancellationToken)
    {
        if (await GetReceiptAsync(idempotencyKey, cancellationToken) is not null)
            return false;
        var partition = QueuePartition(platform, pacingKey);
        var row = $"{_arrival.Next(now)}|{Guid.NewGuid():N}";
        var entry = new OutboxEntry(partition, row, "", idempotencyKey, platform, pacingKey, JsonSerializer.Serialize(payload, ChatEventJson.Options),
            now, 0, null, null, null, null, TraceParent: EngageBotTelemetry.CurrentTraceParent());
        await TouchMarkerAsync(partition, now, cancellationToken);
        await Table.InsertAsync(Write(entry), cancellationToken);
        try
        {
            await Table.InsertAsync(WriteReceipt(new OutboxReceipt(idempotencyKey, partition, row, OutboxState.Queued, null, null, now, null)), cancellationToken);
            _committed[(partition, row)] = true;
            return true;
        }
        catch (RecordExistsException)
        {
            await Table.DeleteAsync(partition, row, null, CancellationToken.None);
            return false;
        }
    }

    public async Task<OutboxReceipt?> GetReceiptAsync(string idempotencyKey, CancellationToken cancellationToken) =>
        await Table.GetAsync(ReceiptPartition(idempotencyKey), StoreKey.Escape(idempotencyKey), cancellationToken) is { } r ? ReadReceipt(r) : null;

    /// <summary>Gives a receipt-less message its receipt; returns the receipt that won (possibly another message's).</summary>
    public async Task<OutboxReceipt> AdoptAsync(OutboxEntry entry, CancellationToken cancellationToken)
    {
        var receipt = new OutboxReceipt(entry.IdempotencyKey, entry.Partition, entry.RowKey, OutboxState.Queued, null, null, entry.EnqueuedAt, null);
        try
        {
            await Table.InsertAsync(WriteReceipt(receipt), cancellationToken);
            return receipt;
        }
        catch (RecordExistsException)
        {
            return await GetReceiptAsync(entry.IdempotencyKey, cancellationToken) ?? receipt;
        }
    }

    /// <summary>The first <paramref name="take"/> messages of a queue, in send order.</summary>
    public async Task<IReadOnlyList<OutboxEntry>> HeadAsync(string partition, int take, CancellationToken cancellationToken)
    {
        var entries = new List<OutboxEntry>();
        await foreach (var r in Table.QueryAsync(RecordQuery.Partition(partition) with { Take = take }, cancellationToken))
            entries.Add(Read(r));
        return entries;
    }

    /// <summary>True when this instance enqueued the message and saw its receipt written: no need to read the receipt before a first send.</summary>
    public bool IsKnownCommitted(OutboxEntry entry) => _committed.ContainsKey((entry.Partition, entry.OriginalRow ?? entry.RowKey));

    /// <summary>Writes the entry if unchanged since read; the updated entry, or null if another instance got there first.</summary>
    public async Task<OutboxEntry?> TryUpdateAsync(OutboxEntry entry, CancellationToken cancellationToken)
    {
        try
        {
            return entry with { ETag = await Table.UpdateAsync(Write(entry), cancellationToken) };
        }
        catch (ConcurrencyConflictException)
        {
            return null;
        }
    }

    /// <summary>Records the delivery on the receipt; the caller dequeues the message afterwards.</summary>
    public Task MarkDeliveredAsync(OutboxEntry entry, MessageRef? message, DateTimeOffset now, CancellationToken cancellationToken) =>
        Table.UpsertAsync(WriteReceipt(new OutboxReceipt(entry.IdempotencyKey, entry.Partition, entry.RowKey, OutboxState.Delivered, message, null, entry.EnqueuedAt, now)), cancellationToken);

    public async Task MarkFailedAsync(OutboxEntry entry, OutboxPayload? payload, string reason, DateTimeOffset now, CancellationToken cancellationToken)
    {
        reason = reason.Length > 4000 ? reason[..4000] : reason;
        await Table.UpsertAsync(WriteReceipt(new OutboxReceipt(entry.IdempotencyKey, entry.Partition, entry.RowKey, OutboxState.Failed, null, reason, entry.EnqueuedAt, now)), cancellationToken);
        var target = payload?.Target;
        var text = payload?.Message.Text ?? "";
        await Table.UpsertAsync(new StorageRecord(FailedPartition, $"{StoreKey.Ticks(entry.EnqueuedAt)}|{StoreKey.Escape(entry.IdempotencyKey)}", new Dictionary<string, object?>
        {
            ["IdempotencyKey"] = entry.IdempotencyKey,
            ["Platform"] = entry.Platform.ToString(),
            ["Kind"] = (target?.Kind ?? DeliveryKind.Post).ToString(),
            ["Destination"] = target is null ? entry.PacingKey : Describe(target),
            ["Reason"] = reason,
            ["EnqueuedAt"] = entry.EnqueuedAt,
            ["FailedAt"] = now,
            ["Text"] = text.Length > 500 ? text[..500] : text,
        }), cancellationToken);
        await RemoveAsync(entry, cancellationToken);
    }

    /// <summary>
    /// Moves a message to just behind <paramref name="row"/> in its queue (an update enqueued before the message it
    /// updates). One atomic batch in the queue's partition; the receipt still finds it through OriginalRow.
    /// </summary>
    public async Task MoveBehindAsync(OutboxEntry entry, string row, CancellationToken cancellationToken)
    {
        var moved = entry with { RowKey = $"{row}|after|{Guid.NewGuid():N}", OriginalRow = entry.OriginalRow ?? entry.RowKey, ETag = "" };
        try
        {
            await Table.SubmitBatchAsync([RecordOperation.Delete(Write(entry)), RecordOperation.Insert(Write(moved))], cancellationToken);
        }
        catch (BatchFailedException)
        {
            // Changed meanwhile by another instance: the next step re-reads the queue.
        }
    }

    /// <summary>Deletes a queued message (done, failed, or a duplicate); a concurrent change means someone else finished it.</summary>
    public async Task RemoveAsync(OutboxEntry entry, CancellationToken cancellationToken)
    {
        _committed.TryRemove((entry.Partition, entry.OriginalRow ?? entry.RowKey), out _);
        try
        {
            await Table.DeleteAsync(entry.Partition, entry.RowKey, entry.ETag.Length > 0 ? entry.ETag : null, cancellationToken);
        }
        catch (ConcurrencyConflictException)
        {
        }
    }

    public async IAsyncEnumerable<FailedDelivery> FailedAsync([EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await foreach (var r in Table.QueryAsync(RecordQuery.Partition(FailedPartition), cancellationToken))
        {
            yield return new FailedDelivery(r.GetString("IdempotencyKey") ?? "", ChatPlatform.Parse(r.GetString("Platform") ?? "Slack"),
                Enum.Parse<DeliveryKind>(r.GetString("Kind") ?? "Post"), r.GetString("Destination") ?? "", r.GetString("Reason") ?? "",
                r.GetDateTime("EnqueuedAt") ?? default, r.GetDateTime("FailedAt") ?? default, r.GetString("Text") ?? "");
        }
    }

    public Task MarkWaitingAsync(ChatPlatform platform, string queuePartition, DateTimeOffset now, CancellationToken cancellationToken) =>
        Table.UpsertAsync(new StorageRecord(WaitingPartition(platform), queuePartition, new Dictionary<string, object?> { ["UpdatedAt"] = now }), cancellationToken);

    /// <summary>Queues marked waiting for the bot on <paramref name="platform"/>; each marker is removed as it is read (a still-unreachable head marks its queue again).</summary>
    public async Task<IReadOnlyList<string>> TakeWaitingAsync(ChatPlatform platform, CancellationToken cancellationToken)
    {
        var markers = new List<StorageRecord>();
        await foreach (var r in Table.QueryAsync(RecordQuery.Partition(WaitingPartition(platform)), cancellationToken))
            markers.Add(r);
        var taken = new List<string>();
        foreach (var r in markers)
        {
            try
            {
                await Table.DeleteAsync(r.PartitionKey, r.RowKey, r.ETag, cancellationToken);
                taken.Add(r.RowKey);
            }
            catch (ConcurrencyConflictException)
            {
                // Re-marked or taken meanwhile: whoever changed it wakes it.
            }
        }
        return taken;
    }

    private static string WaitingPartition(ChatPlatform platform) => $"waiting|{platform}";

    public async Task<IReadOnlyList<(string Partition, DateTimeOffset UpdatedAt, string ETag)>> MarkersAsync(CancellationToken cancellationToken)
    {
        var markers = new List<(string, DateTimeOffset, string)>();
        await foreach (var r in Table.QueryAsync(RecordQuery.Partition(MarkerPartition), cancellationToken))
            markers.Add((r.RowKey, r.GetDateTime("UpdatedAt") ?? DateTimeOffset.MinValue, r.ETag!));
        return markers;
    }

    /// <summary>
    /// Upserts the queue's work marker, at most once per CommitGrace per queue from this instance: a marker is
    /// only removed when untouched for twice that long, so one touched within CommitGrace is still there.
    /// </summary>
    private async Task TouchMarkerAsync(string partition, DateTimeOffset now, CancellationToken cancellationToken)
    {
        if (_markersTouched.TryGetValue(partition, out var touched) && now - touched < CommitGrace && now >= touched)
            return;
        await Table.UpsertAsync(new StorageRecord(MarkerPartition, partition, new Dictionary<string, object?> { ["UpdatedAt"] = now }), cancellationToken);
        _markersTouched[partition] = now;
        if (_markersTouched.Count > 10_000)
            _markersTouched.Clear();
    }

    /// <summary>Drops an empty queue's marker unless touched recently (an enqueuer writes it before its message).</summary>
    public async Task TryRemoveMarkerAsync(string partition, DateTimeOffset now, CancellationToken cancellationToken)
    {
        if (await Table.GetAsync(MarkerPartition, partition, cancellationToken) is not { } marker
            || now - (marker.GetDateTime("UpdatedAt") ?? DateTimeOffset.MinValue) < CommitGrace + CommitGrace)
            return;
        try
        {
            await Table.DeleteAsync(MarkerPartition, partition, marker.ETag, cancellationToken);
        }
        catch (ConcurrencyConflictException)
        {
        }
    }

    public static string Describe(DeliveryTarget t) => t.Kind switch
    {
        DeliveryKind.DirectMessage => $"user {t.UserId}",
        DeliveryKind.Ephemeral => $"{t.Conversation?.ChannelId} (to {t.UserId})",
        DeliveryKind.Update or DeliveryKind.Reaction => $"{t.Conversation?.ChannelId} message {t.MessageId}",
        _ => t.Conversation?.ThreadId is { } thread ? $"{t.Conversation.ChannelId} thread {thread}" : t.Conversation?.ChannelId ?? "",
    };

    private static string ReceiptPartition(string key)
    {
        var hash = 2166136261u;
        foreach (var c in key)
            hash = (hash ^ c) * 16777619u;
        return $"k|{hash % 16:D2}";
    }

    private static OutboxEntry Read(StorageRecord r) => new(
        r.PartitionKey, r.RowKey, r.ETag!, r.GetString("IdempotencyKey") ?? "", ChatPlatform.Parse(r.GetString("Platform") ?? "Slack"),
        r.GetString("PacingKey") ?? "", ChunkedText.Read(r, "Payload"), r.GetDateTime("EnqueuedAt") ?? default, (int)(r.GetInt64("Attempts") ?? 0),
        r.GetDateTime("NextAttemptAt"), r.GetDateTime("LeaseUntil"), r.GetString("AttemptId"), r.GetString("LastError"), r.GetString("OriginalRow"), r.GetString("TraceParent"));

    private static StorageRecord Write(OutboxEntry e)
    {
        var props = new Dictionary<string, object?>
        {
            ["IdempotencyKey"] = e.IdempotencyKey,
            ["Platform"] = e.Platform.ToString(),
            ["PacingKey"] = e.PacingKey,
            ["EnqueuedAt"] = e.EnqueuedAt,
            ["Attempts"] = e.Attempts,
            ["NextAttemptAt"] = e.NextAttemptAt,
            ["LeaseUntil"] = e.LeaseUntil,
            ["AttemptId"] = e.AttemptId,
            ["TraceParent"] = e.TraceParent,
            ["LastError"] = e.LastError is { Length: > 4000 } err ? err[..4000] : e.LastError,
            ["OriginalRow"] = e.OriginalRow,
        };
        ChunkedText.Write(props, "Payload", e.Payload);
        return new StorageRecord(e.Partition, e.RowKey, props, e.ETag.Length > 0 ? e.ETag : null);
    }

    private static StorageRecord WriteReceipt(OutboxReceipt r) => new(ReceiptPartition(r.IdempotencyKey), StoreKey.Escape(r.IdempotencyKey), new Dictionary<string, object?>
    {
        ["IdempotencyKey"] = r.IdempotencyKey,
        ["QueuePartition"] = r.QueuePartition,
        ["QueueRow"] = r.QueueRow,
        ["State"] = r.State.ToString(),
        ["MessagePlatform"] = r.Message?.Conversation.Platform.ToString(),
        ["MessageChannelId"] = r.Message?.Conversation.ChannelId,
        ["MessageThreadId"] = r.Message?.Conversation.ThreadId,
        ["MessageId"] = r.Message?.MessageId,
        ["FailureReason"] = r.FailureReason,
        ["EnqueuedAt"] = r.EnqueuedAt,
        ["CompletedAt"] = r.CompletedAt,
    });

    private static OutboxReceipt ReadReceipt(StorageRecord r)
    {
        MessageRef? message = r.GetString("MessageId") is { } id && r.GetString("MessagePlatform") is { } p
            ? new MessageRef(new ConversationRef(ChatPlatform.Parse(p), r.GetString("MessageChannelId") ?? "", r.GetString("MessageThreadId")), id)
            : null;
        return new OutboxReceipt(r.GetString("IdempotencyKey") ?? "", r.GetString("QueuePartition") ?? "", r.GetString("QueueRow") ?? "",
            Enum.Parse<OutboxState>(r.GetString("State") ?? "Queued"), message, r.GetString("FailureReason"), r.GetDateTime("EnqueuedAt") ?? default, r.GetDateTime("CompletedAt"));
    }
}
