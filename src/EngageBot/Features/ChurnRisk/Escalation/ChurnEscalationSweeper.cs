using EngageBot.Hosting.Telemetry;
using EngageBot.Scheduling;

namespace EngageBot.Features.ChurnRisk.Escalation;

/// <summary>
/// Escalates risks whose ack deadline has passed, reading only the due index. Each entry is checked against the risk
/// (acknowledged, resolved, reassigned or already-advanced risks make it stale), the step is claimed in the ledger and
/// only then are its DMs enqueued with per-(risk, cycle, level, person) keys, so each step happens once ever, across
/// repeated sweeps, restarts and instances. Recording the step sets the next deadline, which re-indexes the risk.
/// </summary>
public sealed class ChurnEscalationSweeper(
    ChurnRiskStore store,
    [FromKeyedServices(RiskDueEntry.Table)] DueIndex index,
    [FromKeyedServices(RiskDueEntry.Ledger)] ClaimLedger ledger,
    EscalationChain chain,
    RiskDeadlines deadlines,
    ChurnRiskService risks,
    TimeProvider time,
    ILogger<ChurnEscalationSweeper> log)
{
    /// <summary>Runs one sweep; returns how many escalation steps this sweep took.</summary>
    public async Task<int> SweepAsync(CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var escalated = 0;
        var read = await index.SweepAsync(now, async (entry, ct) =>
        {
            if (RiskDueEntry.From(entry) is { } step && await ProcessAsync(step, now, ct)) escalated++;
        }, (entry, e) => log.LogError(e, "Escalation {Step} of churn risk {RiskId} failed; retrying in {Delay}", entry.Step, entry.Subject, DueIndex.RetryDelay),
            cancellationToken);
        if (read > 0) log.LogInformation("Churn escalation sweep: {Read} due, {Escalated} escalated", read, escalated);
        return escalated;
    }

    private async Task<bool> ProcessAsync(RiskDueEntry entry, DateTimeOffset now, CancellationToken ct)
    {
        var risk = await store.GetAsync(entry.RiskId, ct);
        if (risk is null || RiskDueEntry.For(risk) is not { } current || current.StepKey != entry.StepKey || current.DueAt != entry.DueAt)
            return false; // stale: acknowledged, resolved, reassigned, or another instance already took this step
        var people = await chain.RecipientsAsync(risk, entry.Level, ct);
        IReadOnlyList<string> notified = [];
        if (await ledger.ClaimAsync(risk.Id, entry.StepKey, ct: ct))
        {
            notified = await risks.NotifyAsync(risk, entry.Level, people, Heading(entry.Level), ct);
            EngageBotMetrics.RiskUnacknowledged(entry.Level);
            await ledger.MarkEnqueuedAsync(risk.Id, entry.StepKey, ct);
        }
        var next = await deadlines.NextStepAsync(risk, entry.Level, now, ct);
        await store.UpdateAsync(risk.Id, r => r.Escalated(entry.Cycle, entry.Level, notified.Count > 0 ? notified : people.Select(p => p.Id).ToList(), next, now), ct);
        return true;
    }

    private static string Heading(int level) => level switch
    {
        EscalationChain.BackupLevel => "Escalated to you as backup owner (not acknowledged in time)",
        EscalationChain.SponsorLevel => "Escalated to you as executive sponsor (not acknowledged in time)",
        _ => $"Reminder {level - EscalationChain.SponsorLevel}: still not acknowledged",
    };
}
