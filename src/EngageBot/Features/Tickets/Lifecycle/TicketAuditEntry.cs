namespace EngageBot.Features.Tickets.Lifecycle;

/// <summary>One step in a ticket's history: what happened, who did it, when, and the status before and after.</summary>
public sealed record TicketAuditEntry(int Sequence, DateTimeOffset At, string Action, TicketStatus From, TicketStatus To,
    string? ActorId, string? ActorName, string? Detail = null);
