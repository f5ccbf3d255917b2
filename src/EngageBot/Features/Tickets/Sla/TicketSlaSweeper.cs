using EngageBot.Channels;
using EngageBot.Features.Tickets.Handling;
using EngageBot.Features.Tickets.Lifecycle;
using EngageBot.Features.Tickets.Policy;
using EngageBot.Features.Tickets.Storage;
using EngageBot.Hosting.Telemetry;
using EngageBot.Scheduling;
using EngageBot.Scheduling.Calendars;

namespace EngageBot.Features.Tickets.Sla;

/// <summary>
/// Acts on every due-index entry whose time has come: checks it against the ticket (stale entries are dropped),
/// defers nudges to the recipient's working hours (unless the ticket is urgent), claims the threshold in the
/// nudge ledger and only then enqueues the DM with the same idempotency key, so each threshold nudges once per
/// ticket ever, across retries, restarts and instances. Resolved tickets close when their reopen window ends.
/// </summary>
public sealed class TicketSlaSweeper(
    TicketStore store,
    [FromKeyedServices(TicketDueEntries.Table)] DueIndex index,
    [FromKeyedServices(TicketDueEntries.NudgeLedger)] ClaimLedger ledger,
    ITicketPolicySource policies,
    NudgeRecipients recipients,
    TicketService tickets,
    IOutbox outbox,
    TriageCardPublisher triage,
    ChatPlatforms platforms,
    TimeProvider time,
    ILogger<TicketSlaSweeper> log)
{
    public static string NudgeKey(string ticketId, string thresholdKey) => $"ticket-nudge|{ticketId}|{thresholdKey}";

    public async Task<SweepReport> SweepAsync(CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var report = new SweepReport();
        // ProcessAsync removes or moves each entry itself (a warning deferred to working hours stays indexed).
        report.Read = await index.SweepAsync(now, (entry, ct) => ProcessAsync(entry, now, report, ct), (entry, e) =>
        {
            report.Failed++;
            log.LogError(e, "SLA entry {Key} of ticket {TicketId} failed; retrying in {Delay}", entry.Step, entry.Subject, DueIndex.RetryDelay);
        }, cancellationToken, removeWhenDone: false);
        if (report.Read > 0) log.LogInformation("SLA sweep: {Report}", report);
        return report;
    }

    private async Task ProcessAsync(DueEntry entry, DateTimeOffset now, SweepReport report, CancellationToken ct)
    {
        var ticket = await store.GetAsync(entry.Subject, ct);
        var threshold = ticket is null ? null : TicketThresholds.Find(ticket, entry.Step);
        if (ticket is null || threshold is null || threshold.DueAt != entry.DueAt || Superseded(ticket, threshold, now))
        {
            report.Stale++;
            await index.RemoveAsync(entry, ct);
            return;
        }
        if (threshold.Level == ThresholdLevel.AutoClose)
        {
            await tickets.ChangeAsync(ticket.Id, (t, _) => t.Close(TicketParty.System, now, "reopen window ended"), ct);
            report.Closed++;
            await index.RemoveAsync(entry, ct);
            return;
        }
        if (await policies.GetPartnerPolicyAsync(ticket.PartnerId, ct) is not { } policy
            || await recipients.ForAsync(threshold, ticket, policy, ct) is not { } person
            || NudgeRecipients.Address(person, ticket.Platform) is not { } address)
        {
            report.Skipped++;
            log.LogWarning("Ticket {TicketId}: nobody to nudge for {Key}", ticket.Id, threshold.Key);
            await index.RemoveAsync(entry, ct);
            return;
        }
        if (ticket.Urgency != TicketUrgency.Urgent && person.WorkingHours is { } hours
            && new BusinessHoursCalendar(hours).NextBusinessInstant(now) is var start && start > now)
        {
            report.Deferred++;
            await index.RescheduleAsync(entry, start, ct);
            return;
        }
        if (await ledger.ClaimAsync(ticket.Id, threshold.Key, new Dictionary<string, object?> { ["Recipient"] = person.Id }, ct))
        {
            await outbox.EnqueueAsync(NudgeKey(ticket.Id, threshold.Key), DeliveryTarget.Direct(address.Platform, address.UserId),
                NudgeText.For(threshold, ticket, policy, platforms.ThreadLink(ticket.Thread, ticket.RootMessageId)), ct);
            await ledger.MarkEnqueuedAsync(ticket.Id, threshold.Key, ct);
            report.Nudged++;
            if (threshold.Level == ThresholdLevel.Breach)
            {
                EngageBotMetrics.TicketBreached(threshold.Clock.ToString());
                await triage.PublishAsync(ticket, policy, ct, occasion: threshold.Key); // the card's SLA state turns red
            }
        }
        await index.RemoveAsync(entry, ct);
    }

    // A warning that comes due after its breach (a late sweep, a deferral) would only be noise next to the breach nudge.
    private static bool Superseded(Ticket ticket, SlaThreshold threshold, DateTimeOffset now) =>
        threshold.Level == ThresholdLevel.Warning && ticket.Clock(threshold.Clock).DueAt is { } breach && breach <= now;
}
