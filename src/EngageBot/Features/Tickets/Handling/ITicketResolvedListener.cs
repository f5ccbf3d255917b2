using EngageBot.Features.Tickets.Lifecycle;

namespace EngageBot.Features.Tickets.Handling;

/// <summary>
/// Told once a change moved a ticket to Resolved (other features follow up, e.g. the feedback feature invites the asker to
/// rate the answer). Called after the change is stored; a listener that fails is logged and does not undo the change.
/// </summary>
public interface ITicketResolvedListener
{
    Task OnResolvedAsync(Ticket ticket, CancellationToken cancellationToken);
}
