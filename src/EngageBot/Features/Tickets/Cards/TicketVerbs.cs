namespace EngageBot.Features.Tickets.Cards;

/// <summary>Action.Execute verbs of the ticket cards, shared by cards and the card-action handler. Data carries "ticketId".</summary>
public static class TicketVerbs
{
    public const string AssignToMe = "ticket.assignToMe";
    public const string Resolve = "ticket.resolve";
    public const string MarkUrgent = "ticket.markUrgent";
    public const string Waiting = "ticket.waiting";

    public const string TicketIdField = "ticketId";

    public static readonly IReadOnlyCollection<string> All = [AssignToMe, Resolve, MarkUrgent, Waiting];
}
