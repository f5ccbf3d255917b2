using EngageBot.Channels;
using EngageBot.Features.Directory;
using EngageBot.Scheduling;
using Microsoft.Extensions.Options;

namespace EngageBot.Features.Nudges;

/// <summary>
/// One sweep: plans owners after a directory change (<see cref="ManagerNudgePlanner"/>), then acts on the due entries only,
/// so its cost follows the owners whose working day starts now, not the number of partners. Each owner's day is claimed
/// under (owner, "daily-nudge|{local date}") by a conditional insert before anything is enqueued: with several instances,
/// retries and restarts each owner gets at most one nudge a day. A nudge missed by less than
/// <see cref="NudgesOptions.MissedRunWindow"/> (downtime) goes out once, late; an older one is skipped and logged. Either way
/// the owner's next working day is planned.
/// </summary>
public sealed class ManagerNudgeSweeper(
    ManagerNudgePlanner planner,
    ManagerNudgeComposer composer,
    ManagerNudgeCard card,
    IPartnerDirectory directory,
    IOutbox outbox,
    [FromKeyedServices(ManagerNudgeDueEntries.Table)] DueIndex index,
    [FromKeyedServices(ManagerNudgeDueEntries.Claims)] ClaimLedger claims,
    IOptions<NudgesOptions> options,
    TimeProvider time,
    ILogger<ManagerNudgeSweeper> log)
{
    public async Task<ManagerNudgeSweepReport> SweepAsync(CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var report = new ManagerNudgeSweepReport { Planned = await planner.SyncAsync(now, cancellationToken) };
        report.Read = await index.SweepAsync(now, (entry, ct) => NudgeAsync(entry, now, report, ct), (entry, e) =>
        {
            report.Failed++;
            log.LogError(e, "Daily nudge {Step} of {OwnerId} failed; retrying in {Delay}", entry.Step, entry.Subject, DueIndex.RetryDelay);
        }, cancellationToken);
        if (report.Read > 0) log.LogInformation("Daily nudge sweep: {Report}", report);
        return report;
    }

    private async Task NudgeAsync(DueEntry entry, DateTimeOffset now, ManagerNudgeSweepReport report, CancellationToken ct)
    {
        var snapshot = await directory.GetSnapshotAsync(ct);
        // Not an owner any more, or new hours or zone: the import planned the right entry already.
        if (ManagerNudgeDueEntries.DayOf(entry) is not { } day || ManagerNudgePlanner.WorkdaysOf(snapshot, entry.Subject) is not { } workdays
            || workdays.StartOf(day) != entry.DueAt || snapshot.Person(entry.Subject) is not { } owner)
        {
            report.Stale++;
            return;
        }
        var late = now - entry.DueAt;
        var claim = ManagerNudgeDueEntries.Claim(day);
        if (late > options.Value.MissedRunWindow)
        {
            report.Skipped++;
            log.LogWarning("Daily nudge of {OwnerId} for {Day} was due {Due:O}, {Late} ago (more than the {Window} window): skipped",
                owner.Id, day, entry.DueAt, late, options.Value.MissedRunWindow);
        }
        else if (await claims.ClaimAsync(owner.Id, claim, ct: ct))
        {
            var nudge = await composer.ComposeAsync(owner, snapshot.PartnersOwnedBy(owner.Id), day, snapshot, now, ct);
            if (nudge.IsEmpty) report.Empty++;
            else if (owner.Identities.Preferring(nudge.Platform) is { } address)
            {
                await outbox.EnqueueAsync(ManagerNudgeDueEntries.OutboxKey(owner.Id, day), DeliveryTarget.Direct(address.Platform, address.UserId),
                    new OutboundMessage(ManagerNudgeCard.Summary(nudge), card.Card(nudge)), ct);
                report.Sent++;
                if (late > TimeSpan.FromMinutes(5)) log.LogInformation("Daily nudge of {OwnerId} for {Day} sent {Late} late", owner.Id, day, late);
            }
            else
            {
                report.Unreachable++;
                log.LogWarning("Daily nudge of {OwnerId} for {Day} not sent: they have no chat user id in the directory", owner.Id, day);
            }
            await claims.MarkEnqueuedAsync(owner.Id, claim, ct);
        }
        var (nextDay, nextAt) = workdays.NextAfter(entry.DueAt);
        await index.AddAsync(ManagerNudgeDueEntries.For(owner.Id, nextDay, nextAt), ct);
    }
}
