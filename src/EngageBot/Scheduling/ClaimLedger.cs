using EngageBot.Storage;

namespace EngageBot.Scheduling;

// Key scheme (one table per feature, e.g. TicketNudges, ChurnEscalations, CheckInClaims): PK = subject, RK = claim key
// (a threshold, an escalation step, a scheduled local time). One row per key per subject, ever: inserted (insert-if-absent)
// before anything is sent, marked Enqueued after. Whoever inserts the row owns the work, whichever instance it runs on;
// a crash between insert and enqueue is healed by the next sweep, which re-enqueues with the same idempotency key
// (the outbox sends a key once).
public sealed class ClaimLedger(IRecordStore store, TimeProvider time, string tableName)
{
    private readonly IRecordTable _table = store.Table(tableName);

    /// <summary>Claims the key; true when this caller must (still) enqueue the work, false when it was already enqueued.</summary>
    public async Task<bool> ClaimAsync(string subject, string key, IReadOnlyDictionary<string, object?>? details = null, CancellationToken ct = default)
    {
        var properties = new Dictionary<string, object?>(details ?? new Dictionary<string, object?>())
        {
            ["ClaimedAt"] = time.GetUtcNow(),
            ["Enqueued"] = false,
        };
        try
        {
            await _table.InsertAsync(new StorageRecord(subject, key, properties), ct);
            return true;
        }
        catch (RecordExistsException)
        {
            return (await _table.GetAsync(subject, key, ct))?.GetBoolean("Enqueued") != true;
        }
    }

    public async Task MarkEnqueuedAsync(string subject, string key, CancellationToken ct = default)
    {
        if (await _table.GetAsync(subject, key, ct) is not { } existing) return;
        var properties = new Dictionary<string, object?>(existing.Properties) { ["Enqueued"] = true, ["EnqueuedAt"] = time.GetUtcNow() };
        await _table.UpsertAsync(existing with { Properties = properties, ETag = null }, ct);
    }

    /// <summary>Whether the key was claimed at all (enqueued or not).</summary>
    public async Task<bool> IsClaimedAsync(string subject, string key, CancellationToken ct = default) =>
        await _table.GetAsync(subject, key, ct) is not null;

    public async Task<IReadOnlyList<string>> ClaimedKeysAsync(string subject, CancellationToken ct = default)
    {
        var keys = new List<string>();
        await foreach (var r in _table.QueryAsync(RecordQuery.Partition(subject), ct)) keys.Add(r.RowKey);
        return keys;
    }
}
