namespace EngageBot.Features.Tickets.Cards;

/// <summary>
/// What the cards and command answers show about a ticket. The Triage* members are internal only: the partner-facing
/// card and answers to partner-side users never read them.
/// </summary>
public sealed record TicketView(
    string Id,
    string PartnerId,
    string PartnerName,
    string Status,
    bool Urgent,
    string Question,
    string OpenedBy,
    DateTimeOffset OpenedAt,
    string? AssigneeName,
    string? ThreadUrl,
    string Tier,
    string? TriageSlaClock,
    string? TriageSlaState,
    string? TriageNote,
    DateTimeOffset? TriageDueAt = null,
    DateTimeOffset? TriageWarnAt = null,
    string? TriageTimeLeft = null);
