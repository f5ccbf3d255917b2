using System.Text.Json.Nodes;

namespace EngageBot.Features.Tickets.Cards;

/// <summary>
/// Builds the ticket's Adaptive Cards (expanded JSON, version 1.5, Action.Execute verbs from <see cref="TicketVerbs"/>).
/// The product's implementation is <see cref="TemplateTicketCards"/> over the templates cards/ticket.json and cards/triage.json.
/// </summary>
public interface ITicketCards
{
    /// <summary>The partner-safe card (status, question, who is on it): never SLA internals or triage notes.</summary>
    JsonObject TicketCard(TicketView view);

    /// <summary>The internal triage card: SLA clock, triage notes, "Assign to me", "Resolve", "Mark urgent", "Waiting", thread link.</summary>
    JsonObject TriageCard(TicketView view);
}
