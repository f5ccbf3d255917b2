using EngageBot.Features.Directory;
using EngageBot.Scheduling;
using Microsoft.Extensions.Options;

namespace EngageBot.Features.CheckIns.Schedule;

/// <summary>
/// One sweep: follows the directory (see <see cref="CheckInPlanner"/>), then acts on the due entries only. A check-in is
/// claimed under (partner, "checkin|{slot}") by a conditional insert before anything is enqueued, so with several
/// instances, retries and restarts each slot posts once. A run missed by less than <see cref="CheckInsOptions.MissedRunWindow"/>
/// (downtime) goes out once, late; an older one is skipped and logged. Either way the partner moves on to its next slot.
/// </summary>
public sealed class CheckInSweeper(
    CheckInPlanner planner,
    CheckInScheduleStore schedules,
    CheckInStore checkIns,
    CheckInPoster poster,
    IPartnerDirectory directory,
    [FromKeyedServices(CheckInDueEntries.Table)] DueIndex index,
    [FromKeyedServices(CheckInDueEntries.Claims)] ClaimLedger claims,
    IOptions<CheckInsOptions> options,
    TimeProvider time,
    ILogger<CheckInSweeper> log)
{
    public async Task<CheckInSweepReport> SweepAsync(CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var report = new CheckInSweepReport { Rescheduled = await planner.SyncAsync(now, cancellationToken) };
        report.Read = await index.SweepAsync(now, async (entry, ct) =>
        {
            if (entry.Step.StartsWith(CheckInDueEntries.PostPrefix, StringComparison.Ordinal)) await PostAsync(entry, now, report, ct);
            else if (entry.Step.StartsWith(CheckInDueEntries.RemindPrefix, StringComparison.Ordinal)) await RemindAsync(entry, now, report, ct);
        }, (entry, e) =>
        {
            report.Failed++;
            log.LogError(e, "Check-in step {Step} of partner {PartnerId} failed; retrying in {Delay}", entry.Step, entry.Subject, DueIndex.RetryDelay);
        }, cancellationToken);
        if (report.Read > 0 || report.Rescheduled > 0) log.LogInformation("Check-in sweep: {Report}", report);
        return report;
    }

    private async Task PostAsync(DueEntry entry, DateTimeOffset now, CheckInSweepReport report, CancellationToken ct)
    {
        var slotKey = entry.Step[CheckInDueEntries.PostPrefix.Length..];
        var partner = await directory.GetPartnerAsync(entry.Subject, ct);
        var row = await schedules.GetAsync(entry.Subject, ct);
        if (partner is null || row is null || row.Slot != slotKey || CheckInOccurrence.ParseSlot(slotKey) is not { } slot)
        {
            report.Stale++; // rescheduled by an import, partner removed, or another instance already moved on
            return;
        }
        var schedule = await planner.ScheduleForAsync(partner, ct);
        if (schedule.OccurrenceOf(slot) is not { } occurrence)
        {
            report.Stale++;
            return;
        }
        var late = now - occurrence.At;
        if (late > options.Value.MissedRunWindow)
        {
            report.Skipped++;
            log.LogWarning("Check-in {CheckInId} for {PartnerId} was due {Due:O}, {Late} ago (more than the {Window} window): skipped",
                occurrence.CheckInId, partner.Id, occurrence.At, late, options.Value.MissedRunWindow);
        }
        else if (await claims.ClaimAsync(partner.Id, CheckInDueEntries.PostClaim(slotKey), ct: ct))
        {
            var (checkIn, remindAt) = await poster.PostAsync(partner, occurrence, ct);
            await index.AddAsync(CheckInDueEntries.Remind(checkIn, remindAt), ct);
            await claims.MarkEnqueuedAsync(partner.Id, CheckInDueEntries.PostClaim(slotKey), ct);
            report.Posted++;
            if (late > TimeSpan.FromMinutes(5)) log.LogInformation("Check-in {CheckInId} sent {Late} late", checkIn.Id, late);
        }
        if (schedule.NextAfter(occurrence.At) is { } next) await planner.SetNextAsync(next, schedule.Signature, ct);
        else await schedules.RemoveAsync(partner.Id, ct);
    }

    private async Task RemindAsync(DueEntry entry, DateTimeOffset now, CheckInSweepReport report, CancellationToken ct)
    {
        var checkInId = entry.Step[CheckInDueEntries.RemindPrefix.Length..];
        if (await checkIns.GetAsync(entry.Subject, checkInId, ct) is not { } checkIn || checkIn.IsAnswered || checkIn.RemindedAt is not null
            || await directory.GetPartnerAsync(entry.Subject, ct) is not { } partner)
        {
            report.Stale++;
            return;
        }
        if (now - entry.DueAt > options.Value.MissedRunWindow)
        {
            report.Skipped++;
            log.LogWarning("Reminder for check-in {CheckInId} was due {Due:O} (more than the {Window} window ago): skipped", checkIn.Id, entry.DueAt, options.Value.MissedRunWindow);
            return;
        }
        var key = CheckInDueEntries.ReminderClaim(checkIn.Slot);
        if (await claims.ClaimAsync(partner.Id, key, ct: ct))
        {
            await poster.RemindAsync(partner, checkIn, ct);
            await claims.MarkEnqueuedAsync(partner.Id, key, ct);
            report.Reminded++;
        }
    }
}
