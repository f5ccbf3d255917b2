using System.Security.Cryptography;
using System.Text;
using EngageBot.Channels;
using EngageBot.Features.ChurnRisk.Detection;
using EngageBot.Features.Directory;
using EngageBot.Features.Directory.Model;
using EngageBot.Hosting.Telemetry;
using EngageBot.Storage;
using Microsoft.Extensions.Options;

namespace EngageBot.Features.ChurnRisk.Escalation;

/// <summary>
/// Opens risks (or joins a signal to the subject's open risk within the join window), sends the owner's DM card, and
/// applies acknowledge / resolve / reassign. Every change is audited on the risk; every message goes through the outbox
/// with an idempotency key per (risk, cycle, level, person), so retries never send twice.
/// </summary>
public sealed class ChurnRiskService(
    ChurnRiskStore store,
    EscalationChain chain,
    RiskDeadlines deadlines,
    ChurnRiskCard card,
    IOutbox outbox,
    IPartnerDirectory directory,
    IOptions<ChurnEscalationOptions> options,
    TimeProvider time,
    ILogger<ChurnRiskService> log)
{
    public ChurnRiskStore Store => store;

    /// <summary>Opens a risk or joins the open one; null when the partner is unknown or nobody owns the risk.</summary>
    public async Task<ChurnRisk?> RaiseAsync(RiskRaise raise, CancellationToken ct)
    {
        var result = await OptimisticConcurrency.RetryAsync(token => OpenOrJoinAsync(raise, token), ct);
        if (result is not var (risk, opened, raisedSeverity) || risk is null) return null;
        if (opened)
        {
            EngageBotMetrics.RiskRaised(risk.Kind.ToString());
            await NotifyAsync(risk, 0, await chain.RecipientsAsync(risk, 0, ct), "New", ct);
        }
        else if (raisedSeverity && risk.Status != RiskStatus.Resolved)
            await NotifyAsync(risk, 0, await chain.RecipientsAsync(risk, 0, ct), $"Severity raised ({risk.Evidence.Count} signals)", ct, suffix: $"sev-{risk.Severity}");
        return risk;
    }

    private async Task<(ChurnRisk? Risk, bool Opened, bool RaisedSeverity)?> OpenOrJoinAsync(RiskRaise raise, CancellationToken ct)
    {
        var now = time.GetUtcNow();
        var customer = raise.Customer is null ? null : await CanonicalCustomerAsync(raise.PartnerId, raise.Customer, ct);
        var kind = raise.Kind == ChurnKind.Customer && customer is not null ? ChurnKind.Customer : ChurnKind.Partner;
        var subject = ChurnRisk.SubjectOf(kind, customer);
        var (slotRiskId, slotETag) = await store.FindOpenSlotAsync(raise.PartnerId, subject, ct);
        var current = slotRiskId is null ? null : await store.GetAsync(slotRiskId, ct);
        // This very raise opened it (a redelivery, or a crash before the owner's card was queued): report it as opened so
        // the card is (re)queued under its key, which the outbox sends once; joining would drop the card for good.
        if (current is not null && current.Id == IdFor(raise)) return (current, current.Status != RiskStatus.Resolved, false);
        if (current is not null && current.Status != RiskStatus.Resolved && now - current.LastSignalAt <= options.Value.JoinWindow)
        {
            var severityBefore = current.Severity;
            var sooner = await deadlines.AckDeadlineAsync(raise.PartnerId, raise.Severity, now, ct);
            var (joined, changed) = await store.UpdateAsync(current.Id, r => r.Join(raise.Severity, raise.Evidence, raise.RaisedBy, now) && BringForward(r, sooner), ct);
            // Unchanged means this raise's evidence is already there (a redelivery): re-queue the "severity raised" card a
            // crash may have cut off if the risk was raised to this raise's severity; its key is per severity, so it goes once.
            var raised = joined is not null && (changed
                ? joined.Severity > severityBefore
                : joined.Severity == raise.Severity && await WasRaisedToItsSeverityAsync(joined, ct));
            return (joined, false, raised);
        }

        if (await directory.GetPartnerAsync(raise.PartnerId, ct) is null)
        {
            log.LogWarning("Churn risk for unknown partner {PartnerId} dropped", raise.PartnerId);
            return null;
        }
        if (await chain.OwnerForAsync(raise.PartnerId, kind, customer, ct) is not { } owner)
        {
            log.LogWarning("Churn risk for partner {PartnerId}: nobody in the directory owns it; not opened", raise.PartnerId);
            return null;
        }
        var risk = new ChurnRisk
        {
            Id = IdFor(raise),
            PartnerId = raise.PartnerId,
            Kind = kind,
            Customer = customer,
            Severity = raise.Severity,
            OwnerId = owner.Id,
            Platform = raise.Platform,
            OpenedAt = now,
            LastSignalAt = now,
            Evidence = [ChurnRisk.Trimmed(raise.Evidence)],
            AckDeadline = await deadlines.AckDeadlineAsync(raise.PartnerId, raise.Severity, now, ct),
        };
        risk.Audit(now, "opened", raise.RaisedBy, $"{raise.Evidence.Source}; {kind} risk, {raise.Severity}; owner {owner.Id}");
        await store.CreateAsync(risk, slotETag, ct);
        return (risk, true, false);
    }

    private async Task<bool> WasRaisedToItsSeverityAsync(ChurnRisk risk, CancellationToken ct)
    {
        await foreach (var entry in store.ReadAuditAsync(risk.Id, ct))
            if (entry.Action == "joined" && entry.Detail?.EndsWith($"severity raised to {risk.Severity}", StringComparison.Ordinal) == true)
                return true;
        return false;
    }

    // A more severe signal on an open, unacknowledged risk brings its deadline forward, never back.
    private static bool BringForward(ChurnRisk risk, DateTimeOffset sooner)
    {
        if (risk.Status == RiskStatus.Open && risk.Level == 0 && risk.AckDeadline is { } due && sooner < due) risk.AckDeadline = sooner;
        return true;
    }

    public async Task<ChurnRisk?> AcknowledgeAsync(string riskId, Person actor, CancellationToken ct)
    {
        var (risk, changed) = await store.UpdateAsync(riskId, r => r.Acknowledge(actor.Id, time.GetUtcNow()), ct);
        if (risk is not null && changed && PartnerThread(risk) is { } thread)
        {
            // Only who is on it: no severity, score, owner notes or internal wording reach the partner.
            var text = options.Value.AcknowledgementText.Replace("{name}", actor.Name, StringComparison.Ordinal);
            await outbox.EnqueueAsync($"churn-ack|{risk.Id}|c{risk.Cycle}", DeliveryTarget.Post(thread), new OutboundMessage(text), ct);
        }
        return risk;
    }

    public async Task<ChurnRisk?> ResolveAsync(string riskId, Person actor, RiskOutcome outcome, string? note, CancellationToken ct) =>
        (await store.UpdateAsync(riskId, r => r.Resolve(actor.Id, outcome, note, time.GetUtcNow()), ct)).Risk;

    public async Task<ChurnRisk?> ReassignAsync(string riskId, Person actor, Person newOwner, CancellationToken ct)
    {
        var current = await store.GetAsync(riskId, ct);
        if (current is null) return null;
        var now = time.GetUtcNow();
        var deadline = await deadlines.AckDeadlineAsync(current.PartnerId, current.Severity, now, ct);
        var (risk, changed) = await store.UpdateAsync(riskId, r => r.Reassign(actor.Id, newOwner.Id, deadline, now), ct);
        if (risk is not null && changed) await NotifyAsync(risk, 0, [newOwner], $"Reassigned to you by {actor.Name}", ct);
        return risk;
    }

    /// <summary>Sends the risk card to <paramref name="people"/> for step <paramref name="level"/> of the risk's current cycle.</summary>
    public async Task<IReadOnlyList<string>> NotifyAsync(ChurnRisk risk, int level, IReadOnlyList<Person> people, string heading, CancellationToken ct, string? suffix = null)
    {
        var notified = new List<string>();
        if (people.Count == 0) return notified;
        var message = await card.MessageAsync(risk, heading, ct);
        foreach (var person in people)
        {
            if (EscalationChain.Address(person, risk.Platform) is not { } address)
            {
                log.LogWarning("Churn risk {RiskId}: {PersonId} has no Slack or Teams id; not notified", risk.Id, person.Id);
                continue;
            }
            await outbox.EnqueueAsync(NotifyKey(risk.Id, risk.Cycle, level, person.Id, suffix), DeliveryTarget.Direct(address.Platform, address.UserId), message, ct);
            notified.Add(person.Id);
        }
        return notified;
    }

    public static string NotifyKey(string riskId, int cycle, int level, string personId, string? suffix = null) =>
        $"churn-risk|{riskId}|c{cycle}|l{level}|{personId}{(suffix is null ? "" : "|" + suffix)}";

    /// <summary>Deterministic per origin, so a redelivered event finds the risk it already opened.</summary>
    public static string IdFor(RiskRaise raise) =>
        "CR-" + Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes($"{raise.PartnerId}|{raise.OriginKey}")))[..10];

    private static ConversationRef? PartnerThread(ChurnRisk risk) => risk.Evidence.Select(e => e.Thread).FirstOrDefault(t => t is not null);

    private async Task<string?> CanonicalCustomerAsync(string partnerId, string name, CancellationToken ct) =>
        (await directory.GetCustomersOfPartnerAsync(partnerId, ct)).FirstOrDefault(c => EscalationChain.Matches(c, name))?.Name;
}
