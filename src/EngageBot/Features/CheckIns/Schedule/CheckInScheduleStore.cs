using EngageBot.Storage;

namespace EngageBot.Features.CheckIns.Schedule;

// Key scheme (table CheckInSchedules):
//   PK "partner", RK partner id: the partner's next check-in (Slot, At) and the schedule Signature it was computed from.
//   PK "sync", RK "directory": the directory Version the rows were last brought in line with.
// The rows are the truth of "what is next" (the due index only says when to look): a due entry whose slot no longer
// matches its partner's row is stale. Serves `checkins next` (one partition) and the sweep's point reads.
public sealed class CheckInScheduleStore(IRecordStore store)
{
    private const string PartnerPartition = "partner";
    private readonly IRecordTable _table = store.Table("CheckInSchedules");

    public async Task<ScheduledCheckIn?> GetAsync(string partnerId, CancellationToken ct = default) =>
        await _table.GetAsync(PartnerPartition, partnerId, ct) is { } r ? Read(r) : null;

    public Task SetAsync(ScheduledCheckIn next, CancellationToken ct = default) =>
        _table.UpsertAsync(new StorageRecord(PartnerPartition, next.PartnerId, new Dictionary<string, object?>
        {
            ["Slot"] = next.Slot,
            ["At"] = next.At,
            ["Signature"] = next.Signature,
        }), ct);

    public Task RemoveAsync(string partnerId, CancellationToken ct = default) => _table.DeleteAsync(PartnerPartition, partnerId, cancellationToken: ct);

    public async Task<IReadOnlyList<ScheduledCheckIn>> ListAsync(CancellationToken ct = default)
    {
        var rows = new List<ScheduledCheckIn>();
        await foreach (var r in _table.QueryAsync(RecordQuery.Partition(PartnerPartition), ct)) rows.Add(Read(r));
        return rows;
    }

    public async Task<long?> SyncedVersionAsync(CancellationToken ct = default) =>
        (await _table.GetAsync("sync", "directory", ct))?.GetInt64("Version");

    public Task SetSyncedVersionAsync(long version, CancellationToken ct = default) =>
        _table.UpsertAsync(new StorageRecord("sync", "directory", new Dictionary<string, object?> { ["Version"] = version }), ct);

    private static ScheduledCheckIn Read(StorageRecord r) =>
        new(r.RowKey, r.GetString("Slot") ?? "", r.GetDateTime("At") ?? default, r.GetString("Signature") ?? "");
}

/// <summary>A partner's next check-in as stored: nominal local <see cref="Slot"/> ("yyyy-MM-ddTHH:mm"), instant, schedule signature.</summary>
public sealed record ScheduledCheckIn(string PartnerId, string Slot, DateTimeOffset At, string Signature);
