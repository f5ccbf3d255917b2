namespace EngageBot.Features.Tickets.Lifecycle;

/// <summary>
/// Open (awaiting our first response) → Responded → WaitingOnPartner (resolution clock paused) → Resolved →
/// Reopened (partner replied within the reopen window; awaiting us again) → Closed (window over, or closed by hand).
/// </summary>
public enum TicketStatus { Open, Responded, WaitingOnPartner, Resolved, Reopened, Closed }

public static class TicketStatusExtensions
{
    public static bool IsActive(this TicketStatus status) => status is not (TicketStatus.Resolved or TicketStatus.Closed);

    /// <summary>Statuses in which the partner waits for us.</summary>
    public static bool AwaitsUs(this TicketStatus status) => status is TicketStatus.Open or TicketStatus.Reopened;
}
