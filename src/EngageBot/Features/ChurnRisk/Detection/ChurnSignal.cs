namespace EngageBot.Features.ChurnRisk.Detection;

public enum ChurnKind { None, Customer, Partner }

public enum ChurnSeverity { Low, Medium, High }

/// <summary>
/// The verdict on one message. Severity is null exactly when Kind is None; Customer is set only for
/// customer risks and is always one of the names the detector was given. Score is the confidence of risk, 0..1.
/// </summary>
public sealed record ChurnSignal(ChurnKind Kind, ChurnSeverity? Severity, string? Customer, double Score, IReadOnlyList<string> Reasons)
{
    public bool IsRisk => Kind != ChurnKind.None;

    public static ChurnSignal None(double score, IReadOnlyList<string> reasons) => new(ChurnKind.None, null, null, score, reasons);

    public ChurnSignal WithReason(string reason) => this with { Reasons = [.. Reasons, reason] };
}
