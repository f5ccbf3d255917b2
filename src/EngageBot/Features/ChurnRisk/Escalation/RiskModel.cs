using EngageBot.Channels;

namespace EngageBot.Features.ChurnRisk.Escalation;

public enum RiskStatus { Open, Acknowledged, Resolved }

/// <summary>How a resolved risk ended; written "saved", "lost", "not-a-risk" on cards and in configuration.</summary>
public enum RiskOutcome { Saved, Lost, NotARisk }

public static class RiskOutcomes
{
    public static IReadOnlyCollection<string> Values { get; } = ["saved", "lost", "not-a-risk"];

    public static RiskOutcome? Parse(string value) => value.Trim().ToLowerInvariant() switch
    {
        "saved" => RiskOutcome.Saved,
        "lost" => RiskOutcome.Lost,
        "not-a-risk" => RiskOutcome.NotARisk,
        _ => null,
    };

    public static string Text(this RiskOutcome outcome) => outcome switch
    {
        RiskOutcome.Saved => "saved",
        RiskOutcome.Lost => "lost",
        _ => "not-a-risk",
    };
}

/// <summary>How a risk was raised: the detector on a message, a 🚩 reaction, the concern command or message action, a check-in.</summary>
public enum RiskSource { Detected, Reaction, Command, MessageAction, CheckIn }

/// <summary>
/// One piece of evidence: the message (when there is one: its channel, id, thread root and link), a quote, who wrote it and when.
/// </summary>
public sealed record RiskEvidence(RiskSource Source, string Quote, string? Author, DateTimeOffset At,
    ConversationRef? Conversation = null, string? MessageId = null, string? Link = null, IReadOnlyList<string>? Reasons = null)
{
    /// <summary>The thread the partner sees: the message's own thread, or a thread under the message.</summary>
    public ConversationRef? Thread => Conversation is null || MessageId is null ? null
        : Conversation.ThreadId is null ? Conversation.Thread(MessageId) : Conversation;
}

/// <summary>One audited step: what happened to the risk, who did it (person id or "system"), when, and details.</summary>
public sealed record RiskAuditEntry(int Sequence, DateTimeOffset At, string Action, string Actor, string? Detail = null);
