using EngageBot.Storage;

namespace EngageBot.Features.ChurnRisk.Escalation;

// Key scheme (table ChurnEscalations): PK = risk id, RK = step key ("c1.l2": cycle 1, escalation level 2).
// One row per step per risk, ever: inserted (insert-if-absent) before the step's DMs are enqueued, marked Enqueued
// after. Whoever inserts the row owns the step; a crash between insert and enqueue is healed by the next sweep,
// which re-enqueues with the same idempotency keys (the outbox sends a key once). Same pattern as TicketNudgeLedger.
public sealed class ChurnEscalationLedger(IRecordStore store, TimeProvider time)
{
    private readonly IRecordTable _table = store.Table("ChurnEscalations");

    /// <summary>True when this caller must (still) enqueue the step's messages, false when they were already enqueued.</summary>
    public async Task<bool> ClaimAsync(string riskId, string stepKey, CancellationToken ct = default)
    {
        try
        {
            await _table.InsertAsync(new StorageRecord(riskId, stepKey, new Dictionary<string, object?>
            {
                ["ClaimedAt"] = time.GetUtcNow(),
                ["Enqueued"] = false,
            }), ct);
            return true;
        }
        catch (RecordExistsException)
        {
            return (await _table.GetAsync(riskId, stepKey, ct))?.GetBoolean("Enqueued") != true;
        }
    }

    public async Task MarkEnqueuedAsync(string riskId, string stepKey, CancellationToken ct = default)
    {
        if (await _table.GetAsync(riskId, stepKey, ct) is not { } existing) return;
        var properties = new Dictionary<string, object?>(existing.Properties) { ["Enqueued"] = true, ["EnqueuedAt"] = time.GetUtcNow() };
        await _table.UpsertAsync(existing with { Properties = properties, ETag = null }, ct);
    }
}
