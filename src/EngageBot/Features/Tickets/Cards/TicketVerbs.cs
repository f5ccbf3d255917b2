using EngageBot.Cards;

namespace EngageBot.Features.Tickets.Cards;

/// <summary>Action.Execute verbs of the ticket cards, the cards/ticket.json and cards/triage.json verbs as the card-action handler knows them. Data carries "ticketId".</summary>
public static class TicketVerbs
{
    public const string AssignToMe = CardVerbs.TicketAssignToMe;
    public const string Resolve = CardVerbs.TicketResolve;
    public const string MarkUrgent = CardVerbs.TicketMarkUrgent;
    public const string Waiting = CardVerbs.TicketWaiting;

    public const string TicketIdField = "ticketId";

    public static readonly IReadOnlyCollection<string> All = [AssignToMe, Resolve, MarkUrgent, Waiting];
}
