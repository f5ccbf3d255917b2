using EngageBot.Features.Directory;
using EngageBot.Scheduling;
using EngageBot.Storage;

namespace EngageBot.Features.Nudges;

// Key scheme (table NudgeSync): PK "sync", RK "directory": the directory Version the owners' next nudges were planned for.
/// <summary>
/// Gives every owner a due entry at the start of their next working day. Runs at the start of each sweep but only does
/// work when the directory's version changed, so a new owner (or new hours) takes effect within one sweep without a
/// restart. Entries are deterministic (owner, date, instant): planning twice, or beside the sweep's own chaining, writes
/// the same row. An entry made stale by new hours is recognised by the sweep (its instant no longer matches) and dropped.
/// </summary>
public sealed class ManagerNudgePlanner(
    IPartnerDirectory directory,
    IRecordStore store,
    [FromKeyedServices(ManagerNudgeDueEntries.Table)] DueIndex index,
    ILogger<ManagerNudgePlanner> log)
{
    private readonly IRecordTable _sync = store.Table("NudgeSync");

    /// <summary>Plans every owner's next nudge if the directory changed; returns how many owners were planned.</summary>
    public async Task<int> SyncAsync(DateTimeOffset now, CancellationToken ct = default)
    {
        var snapshot = await directory.GetSnapshotAsync(ct);
        if ((await _sync.GetAsync("sync", "directory", ct))?.GetInt64("Version") == snapshot.Version) return 0;
        var planned = 0;
        foreach (var ownerId in snapshot.OwnerIds)
        {
            if (WorkdaysOf(snapshot, ownerId) is not { } workdays) continue;
            var (day, at) = workdays.NextAfter(now);
            await index.AddAsync(ManagerNudgeDueEntries.For(ownerId, day, at), ct);
            planned++;
        }
        await _sync.UpsertAsync(new StorageRecord("sync", "directory", new Dictionary<string, object?> { ["Version"] = snapshot.Version }), ct);
        log.LogInformation("Daily nudges follow directory version {Version}: {Owners} owner(s) planned", snapshot.Version, planned);
        return planned;
    }

    /// <summary>The owner's working days, or null when they are not in the directory or own no partner any more.</summary>
    public static OwnerWorkdays? WorkdaysOf(DirectorySnapshot snapshot, string ownerId) =>
        snapshot.Person(ownerId) is { } owner && snapshot.PartnersOwnedBy(ownerId) is [var first, ..] ? new OwnerWorkdays(owner, first) : null;
}
