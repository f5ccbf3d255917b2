using EngageBot.Features.Directory;
using EngageBot.Features.Directory.Model;
using EngageBot.Scheduling;

namespace EngageBot.Features.CheckIns.Schedule;

/// <summary>
/// Keeps every partner's next check-in (schedule row + due entry) in line with the directory. Runs at the start of each
/// sweep but only does work when the directory's version changed since the last sync, so a new import takes effect
/// within one sweep, without a restart, and a sweep with nothing new costs one point read. Only partners whose schedule
/// signature changed are rescheduled; the rest keep their pending check-in.
/// </summary>
public sealed class CheckInPlanner(
    IPartnerDirectory directory,
    CheckInScheduleStore schedules,
    [FromKeyedServices(CheckInDueEntries.Table)] DueIndex index,
    ILogger<CheckInPlanner> log)
{
    public async Task<CheckInSchedule> ScheduleForAsync(Partner partner, CancellationToken ct = default) =>
        new(partner, await directory.GetCalendarForPartnerAsync(partner.Id, ct) ?? BusinessCalendar.DefaultFor(partner));

    /// <summary>Brings the schedule rows in line with the directory if it changed; returns how many partners were rescheduled.</summary>
    public async Task<int> SyncAsync(DateTimeOffset now, CancellationToken ct = default)
    {
        var snapshot = await directory.GetSnapshotAsync(ct);
        if (await schedules.SyncedVersionAsync(ct) == snapshot.Version) return 0;
        var existing = (await schedules.ListAsync(ct)).ToDictionary(s => s.PartnerId, StringComparer.Ordinal);
        var changed = 0;
        foreach (var partner in snapshot.Partners)
        {
            var schedule = await ScheduleForAsync(partner, ct);
            existing.Remove(partner.Id, out var current);
            if (current is null ? !schedule.IsActive : current.Signature == schedule.Signature) continue;
            changed++;
            if (current is not null) await index.RemoveAsync(CheckInDueEntries.Post(current), ct);
            if (schedule.NextAfter(now) is { } next) await SetNextAsync(next, schedule.Signature, ct);
            else await schedules.RemoveAsync(partner.Id, ct);
        }
        foreach (var gone in existing.Values)
        {
            changed++;
            await index.RemoveAsync(CheckInDueEntries.Post(gone), ct);
            await schedules.RemoveAsync(gone.PartnerId, ct);
        }
        await schedules.SetSyncedVersionAsync(snapshot.Version, ct);
        if (changed > 0) log.LogInformation("Check-in schedules follow directory version {Version}: {Changed} partner(s) rescheduled", snapshot.Version, changed);
        return changed;
    }

    /// <summary>Records <paramref name="next"/> as the partner's next check-in: due entry first, then the row (a crash leaves a stale entry, never a missing one).</summary>
    public async Task SetNextAsync(CheckInOccurrence next, string signature, CancellationToken ct = default)
    {
        var row = new ScheduledCheckIn(next.PartnerId, next.SlotKey, next.At, signature);
        await index.AddAsync(CheckInDueEntries.Post(row), ct);
        await schedules.SetAsync(row, ct);
    }
}
