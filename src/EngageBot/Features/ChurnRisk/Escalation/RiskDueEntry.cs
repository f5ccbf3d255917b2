using System.Globalization;
using EngageBot.Scheduling;

namespace EngageBot.Features.ChurnRisk.Escalation;

/// <summary>Escalation step <see cref="Level"/> of cycle <see cref="Cycle"/> of a risk, due at its ack deadline <see cref="DueAt"/>.</summary>
public sealed record RiskDueEntry(string RiskId, int Cycle, int Level, DateTimeOffset DueAt, DateTimeOffset FireAt)
{
    /// <summary>The risk's due index (subject = risk id, step = <see cref="StepKey"/>) and its escalation claim ledger.</summary>
    public const string Table = "ChurnRiskDue";
    public const string Ledger = "ChurnEscalations";

    public string StepKey => $"c{Cycle}.l{Level}";

    public static RiskDueEntry? For(ChurnRisk risk) => risk is { Status: RiskStatus.Open, AckDeadline: { } due }
        ? new RiskDueEntry(risk.Id, risk.Cycle, risk.Level + 1, due, due) : null;

    public DueEntry ToDue() => new(RiskId, StepKey, DueAt, FireAt);

    /// <summary>The step of a due-index entry, or null when its step key is not "c{cycle}.l{level}".</summary>
    public static RiskDueEntry? From(DueEntry entry)
    {
        var parts = entry.Step.Split('.');
        return parts is [['c', .. var cycle], ['l', .. var level]]
            && int.TryParse(cycle, NumberStyles.None, CultureInfo.InvariantCulture, out var c)
            && int.TryParse(level, NumberStyles.None, CultureInfo.InvariantCulture, out var l)
            ? new RiskDueEntry(entry.Subject, c, l, entry.DueAt, entry.FireAt) : null;
    }
}
