using EngageBot.Channels;
using EngageBot.Features.ChurnRisk.Detection;

namespace EngageBot.Features.ChurnRisk.Escalation;

/// <summary>
/// One signal to open or join a risk. <see cref="OriginKey"/> is stable across redeliveries (the event's dedup key), so a
/// retried event opens the same risk id. <see cref="RaisedBy"/> names who or what raised it, for the audit trail.
/// </summary>
public sealed record RiskRaise(string OriginKey, string PartnerId, ChurnKind Kind, string? Customer, ChurnSeverity Severity,
    RiskEvidence Evidence, ChatPlatform Platform, string RaisedBy);
