using System.Text.Json.Serialization;
using EngageBot.Channels;
using EngageBot.Features.ChurnRisk.Detection;

namespace EngageBot.Features.ChurnRisk.Escalation;

/// <summary>
/// A churn risk about one partner or one of its joint customers. Signals about the same subject join it (severity is
/// the maximum seen, evidence accumulates). <see cref="Level"/> counts escalation steps taken in the current
/// <see cref="Cycle"/> (0: only the owner has the card); a reassignment starts a new cycle. Every change appends an audit entry.
/// </summary>
public sealed class ChurnRisk
{
    // Bounds the stored state under Table Storage's 32K-character string limit.
    public const int MaxEvidence = 12;
    public const int MaxQuote = 500;

    public required string Id { get; init; }
    public required string PartnerId { get; init; }
    public required ChurnKind Kind { get; init; }
    public string? Customer { get; init; }
    public ChurnSeverity Severity { get; set; }
    public RiskStatus Status { get; set; }
    public RiskOutcome? Outcome { get; set; }
    public required string OwnerId { get; set; }
    public ChatPlatform Platform { get; init; }
    public DateTimeOffset OpenedAt { get; init; }
    public DateTimeOffset LastSignalAt { get; set; }
    public List<RiskEvidence> Evidence { get; init; } = [];
    public int Cycle { get; set; } = 1;
    public int Level { get; set; }
    public DateTimeOffset? AckDeadline { get; set; }
    public string? AcknowledgedBy { get; set; }
    /// <summary>When the current owner acknowledged it (null while unacknowledged); digests read the state at a past instant from it.</summary>
    public DateTimeOffset? AcknowledgedAt { get; set; }
    /// <summary>When it was resolved (null while not; risks stored before this field existed have none).</summary>
    public DateTimeOffset? ResolvedAt { get; set; }
    public int AuditCount { get; set; }

    /// <summary>Which open-risk slot this risk occupies: the customer's (case-insensitive) or the partner's own.</summary>
    [JsonIgnore]
    public string Subject => SubjectOf(Kind, Customer);

    [JsonIgnore]
    public string? ETag { get; set; }

    [JsonIgnore]
    public List<RiskAuditEntry> PendingAudit { get; } = [];

    public static string SubjectOf(ChurnKind kind, string? customer) =>
        kind == ChurnKind.Customer && customer is not null ? "customer|" + customer.Trim().ToLowerInvariant() : "partner";

    public void Audit(DateTimeOffset at, string action, string actor, string? detail = null) =>
        PendingAudit.Add(new RiskAuditEntry(++AuditCount, at, action, actor, detail));

    /// <summary>Adds a signal's evidence; false when this message is already evidence (a redelivered event).</summary>
    public bool Join(ChurnSeverity severity, RiskEvidence evidence, string actor, DateTimeOffset now)
    {
        if (evidence.MessageId is not null && Evidence.Any(e => e.MessageId == evidence.MessageId && e.Source == evidence.Source)) return false;
        var raised = severity > Severity;
        if (raised) Severity = severity;
        Evidence.Add(Trimmed(evidence));
        if (Evidence.Count > MaxEvidence) Evidence.RemoveAt(1); // keep the first signal and the latest ones
        LastSignalAt = now;
        Audit(now, "joined", actor, $"{evidence.Source}{(raised ? $"; severity raised to {Severity}" : "")}");
        return true;
    }

    public bool Acknowledge(string personId, DateTimeOffset now)
    {
        if (Status != RiskStatus.Open) return false;
        Status = RiskStatus.Acknowledged;
        AcknowledgedBy = personId;
        AcknowledgedAt = now;
        AckDeadline = null;
        Audit(now, "acknowledged", personId);
        return true;
    }

    public bool Resolve(string personId, RiskOutcome outcome, string? note, DateTimeOffset now)
    {
        if (Status == RiskStatus.Resolved) return false;
        Status = RiskStatus.Resolved;
        Outcome = outcome;
        ResolvedAt = now;
        AckDeadline = null;
        Audit(now, "resolved", personId, string.IsNullOrWhiteSpace(note) ? outcome.Text() : $"{outcome.Text()}: {note.Trim()}");
        return true;
    }

    /// <summary>Hands the risk to <paramref name="newOwnerId"/>: back to Open, a new escalation cycle, the deadline restarts.</summary>
    public bool Reassign(string personId, string newOwnerId, DateTimeOffset deadline, DateTimeOffset now)
    {
        if (Status == RiskStatus.Resolved || newOwnerId == OwnerId && Status == RiskStatus.Open && Level == 0) return false;
        var from = OwnerId;
        OwnerId = newOwnerId;
        Status = RiskStatus.Open;
        AcknowledgedBy = null;
        AcknowledgedAt = null;
        Cycle++;
        Level = 0;
        AckDeadline = deadline;
        Audit(now, "reassigned", personId, $"{from} → {newOwnerId}");
        return true;
    }

    /// <summary>Records escalation step <paramref name="level"/> as done and sets the next deadline (null: the chain is exhausted).</summary>
    public bool Escalated(int cycle, int level, IReadOnlyList<string> notified, DateTimeOffset? nextDeadline, DateTimeOffset now)
    {
        if (Status != RiskStatus.Open || cycle != Cycle || level != Level + 1) return false;
        Level = level;
        AckDeadline = nextDeadline;
        Audit(now, "escalated", "system", $"level {level}: {(notified.Count == 0 ? "nobody to notify" : string.Join(", ", notified))}");
        return true;
    }

    public static RiskEvidence Trimmed(RiskEvidence e) =>
        e.Quote.Length <= MaxQuote ? e : e with { Quote = e.Quote[..MaxQuote] + "…" };
}
