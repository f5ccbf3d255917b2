using EngageBot.Storage;

namespace EngageBot.Features.Tickets.Storage;

// Key scheme (table TicketNudges): PK = ticket id, RK = threshold key ("FirstResponse.Breach.1").
// One row per threshold per ticket, ever: inserted (insert-if-absent) before the nudge is enqueued, marked
// Enqueued after. Whoever inserts the row owns the nudge; a crash between insert and enqueue is healed by the
// next sweep, which re-enqueues with the same idempotency key (the outbox sends a key once).
public sealed class TicketNudgeLedger(IRecordStore store, TimeProvider time)
{
    private readonly IRecordTable _table = store.Table("TicketNudges");

    /// <summary>Claims the threshold; true when this caller must (still) enqueue the nudge, false when it was already sent.</summary>
    public async Task<bool> ClaimAsync(string ticketId, string key, string? recipient, CancellationToken ct = default)
    {
        try
        {
            await _table.InsertAsync(new StorageRecord(ticketId, key, new Dictionary<string, object?>
            {
                ["Recipient"] = recipient,
                ["ClaimedAt"] = time.GetUtcNow(),
                ["Enqueued"] = false,
            }), ct);
            return true;
        }
        catch (RecordExistsException)
        {
            var existing = await _table.GetAsync(ticketId, key, ct);
            return existing?.GetBoolean("Enqueued") != true;
        }
    }

    public async Task MarkEnqueuedAsync(string ticketId, string key, CancellationToken ct = default)
    {
        var existing = await _table.GetAsync(ticketId, key, ct);
        if (existing is null) return;
        var properties = new Dictionary<string, object?>(existing.Properties) { ["Enqueued"] = true, ["EnqueuedAt"] = time.GetUtcNow() };
        await _table.UpsertAsync(existing with { Properties = properties, ETag = null }, ct);
    }

    public async Task<IReadOnlyList<string>> ClaimedKeysAsync(string ticketId, CancellationToken ct = default)
    {
        var keys = new List<string>();
        await foreach (var r in _table.QueryAsync(RecordQuery.Partition(ticketId), ct)) keys.Add(r.RowKey);
        return keys;
    }
}
