using System.Runtime.CompilerServices;
using System.Text.Json;
using System.Text.Json.Serialization;
using EngageBot.Features.Tickets.Storage;
using EngageBot.Scheduling;
using EngageBot.Storage;

namespace EngageBot.Features.ChurnRisk.Escalation;

// Key scheme
//   ChurnRisks      PK = risk id; RK "risk" (state JSON, ETag concurrency), "audit|000001"… (one per step). One partition
//                   per risk, so a change and its audit entries commit in one atomic batch.
//   ChurnRisksOpen  PK = partner id, RK = subject ("customer|{name, lower case}" or "partner"); properties RiskId.
//                   The risk new signals about that subject may join (the join window and status are checked against
//                   the risk itself). Claimed with insert-if-absent / ETag replace, so concurrent signals open one risk.
//   ChurnRisksByPartner PK = partner id, RK "{opened UTC ticks:D19}|{risk id}": every risk of a partner in opening order,
//                   resolved ones included (written once, before the risk row). Serves "a partner's risks" (digests, health).
//   ChurnRiskDue    the due index by ack deadline (a shared DueIndex, see RiskDueEntry), written before the risk row whenever the
//                   risk's next escalation step changes, so a crash leaves a stale entry, never a missing one.
public sealed class ChurnRiskStore(IRecordStore store, [FromKeyedServices(RiskDueEntry.Table)] DueIndex dueIndex)
{
    private const string RiskRow = "risk";
    private const string AuditPrefix = "audit|";

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { Converters = { new JsonStringEnumConverter() } };

    private readonly IRecordTable _risks = store.Table("ChurnRisks");
    private readonly IRecordTable _open = store.Table("ChurnRisksOpen");
    private readonly IRecordTable _byPartner = store.Table("ChurnRisksByPartner");

    public async Task<ChurnRisk?> GetAsync(string riskId, CancellationToken ct = default) =>
        await _risks.GetAsync(riskId, RiskRow, ct) is { } record ? FromRecord(record) : null;

    /// <summary>The risk currently holding the subject's slot (it may be resolved or outside the join window), with the slot's ETag.</summary>
    public async Task<(string? RiskId, string? ETag)> FindOpenSlotAsync(string partnerId, string subject, CancellationToken ct = default)
    {
        var row = await _open.GetAsync(TicketKeys.Escape(partnerId), TicketKeys.Escape(subject), ct);
        return (row?.GetString("RiskId"), row?.ETag);
    }

    /// <summary>
    /// Stores a new risk and points its subject's slot at it. <paramref name="slotETag"/> is the slot as read (null: no
    /// slot yet); a concurrent writer makes this throw a concurrency error, so the caller re-reads and joins instead.
    /// </summary>
    public async Task CreateAsync(ChurnRisk risk, string? slotETag, CancellationToken ct = default)
    {
        var slot = new StorageRecord(TicketKeys.Escape(risk.PartnerId), TicketKeys.Escape(risk.Subject),
            new Dictionary<string, object?> { ["RiskId"] = risk.Id, ["OpenedAt"] = risk.OpenedAt }, slotETag);
        // The slot first: losing the race here leaves nothing behind (the caller joins the winner). A crash after it
        // leaves a slot pointing at a missing risk, which the next signal (or the redelivered event) replaces.
        if (slotETag is null) await _open.InsertAsync(slot, ct);
        else await _open.UpdateAsync(slot, ct);
        if (await GetAsync(risk.Id, ct) is null)
        {
            if (RiskDueEntry.For(risk) is { } due) await dueIndex.AddAsync(due.ToDue(), ct);
            await _byPartner.UpsertAsync(new StorageRecord(TicketKeys.Escape(risk.PartnerId), TicketKeys.OpenedRow(risk.OpenedAt, risk.Id)), ct);
            await CommitAsync(risk, RecordOperation.Insert(ToRecord(risk)), ct);
        }
    }

    /// <summary>Read-modify-write with optimistic concurrency; returns the risk after the change and whether it changed.</summary>
    public Task<(ChurnRisk? Risk, bool Changed)> UpdateAsync(string riskId, Func<ChurnRisk, bool> change, CancellationToken ct = default) =>
        OptimisticConcurrency.RetryAsync<(ChurnRisk?, bool)>(async token =>
        {
            var risk = await GetAsync(riskId, token);
            if (risk is null) return (null, false);
            var before = RiskDueEntry.For(risk);
            if (!change(risk)) return (risk, false);
            var after = RiskDueEntry.For(risk);
            if (after is not null && after != before) await dueIndex.AddAsync(after.ToDue(), token);
            await CommitAsync(risk, RecordOperation.Update(ToRecord(risk)), token);
            if (before is not null && before != after) await dueIndex.RemoveAsync(before.ToDue(), token);
            return (risk, true);
        }, ct);

    /// <summary>Every risk, resolved ones included: a scan of the risk rows across partitions, for admin listings only.</summary>
    public async IAsyncEnumerable<ChurnRisk> ListAllAsync([EnumeratorCancellation] CancellationToken ct = default)
    {
        await foreach (var record in _risks.QueryAsync(new RecordQuery { RowKeyFrom = RiskRow, RowKeyBefore = RiskRow + '\uffff' }, ct))
            yield return FromRecord(record);
    }

    /// <summary>
    /// The partner's risks opened before <paramref name="until"/>, oldest first, resolved ones included: one index range,
    /// then a point read of each risk. Risks are few per partner, so the whole history is read.
    /// </summary>
    public async IAsyncEnumerable<ChurnRisk> ListByPartnerAsync(string partnerId, DateTimeOffset until, [EnumeratorCancellation] CancellationToken ct = default)
    {
        var range = new RecordQuery { PartitionKey = TicketKeys.Escape(partnerId), RowKeyBefore = TicketKeys.OpenedRow(until, "") };
        await foreach (var row in _byPartner.QueryAsync(range, ct))
        {
            if (await GetAsync(row.RowKey[(row.RowKey.IndexOf('|', StringComparison.Ordinal) + 1)..], ct) is { } risk)
                yield return risk;
        }
    }

    private static ChurnRisk FromRecord(StorageRecord record)
    {
        var risk = JsonSerializer.Deserialize<ChurnRisk>(record.GetString("State") ?? "null", Json)
            ?? throw new InvalidDataException($"Churn risk {record.PartitionKey} has no state.");
        risk.ETag = record.ETag;
        return risk;
    }

    public async IAsyncEnumerable<RiskAuditEntry> ReadAuditAsync(string riskId, [EnumeratorCancellation] CancellationToken ct = default)
    {
        await foreach (var r in _risks.QueryAsync(RecordQuery.Prefix(riskId, AuditPrefix), ct))
            yield return new RiskAuditEntry(int.Parse(r.RowKey[AuditPrefix.Length..], System.Globalization.CultureInfo.InvariantCulture),
                r.GetDateTime("At") ?? default, r.GetString("Action") ?? "", r.GetString("Actor") ?? "", r.GetString("Detail"));
    }

    private async Task CommitAsync(ChurnRisk risk, RecordOperation riskOperation, CancellationToken ct)
    {
        var operations = new List<RecordOperation> { riskOperation };
        operations.AddRange(risk.PendingAudit.Select(a => RecordOperation.Insert(new StorageRecord(risk.Id, $"{AuditPrefix}{a.Sequence:D6}",
            new Dictionary<string, object?> { ["At"] = a.At, ["Action"] = a.Action, ["Actor"] = a.Actor, ["Detail"] = a.Detail }))));
        try
        {
            foreach (var chunk in operations.Chunk(BatchRules.MaxOperations))
                await _risks.SubmitBatchAsync(chunk, ct);
        }
        catch (BatchFailedException e)
        {
            throw e.Cause; // the risk row (or an audit sequence) lost a race: OptimisticConcurrency re-reads and re-applies
        }
        risk.PendingAudit.Clear();
    }

    private static StorageRecord ToRecord(ChurnRisk risk) => new(risk.Id, RiskRow, new Dictionary<string, object?>
    {
        ["State"] = JsonSerializer.Serialize(risk, Json),
        ["PartnerId"] = risk.PartnerId,
        ["Status"] = risk.Status.ToString(),
    }, risk.ETag);
}
