using System.Text.Json.Nodes;
using EngageBot.Cards;
using EngageBot.Features.Tickets.Lifecycle;

namespace EngageBot.Features.Feedback.Ratings;

/// <summary>
/// The invitation to rate an answer (cards/ticket-rating.json, Adaptive Card 1.5), posted in the ticket's thread, and the
/// card that replaces it once rated. The submit action carries only the ticket id: the handler reads the rest from the ticket.
/// </summary>
public static class TicketRatingCard
{
    public const string Verb = CardVerbs.FeedbackRate;
    public const string TicketField = "ticketId";
    public const int MaxCommentLength = 1_000;

    public static JsonObject Invitation(CardLibrary cards, Ticket ticket, TicketParty asker) => cards.Expand(CardNames.TicketRating, Data(ticket, asker));

    public static JsonObject Data(Ticket ticket, TicketParty asker) => new() { ["ticketId"] = ticket.Id, ["asker"] = asker.Display };

    public static string InvitationText(TicketParty asker, Ticket ticket) => $"{asker.Display}, your question ({ticket.Id}) is resolved. How good was the answer?";

    /// <summary>Replaces the invitation for everyone in the channel, so it says who rated but not the score.</summary>
    public static JsonObject Rated(string ticketId, string by) => new()
    {
        ["type"] = "AdaptiveCard",
        ["$schema"] = "http://adaptivecards.io/schemas/adaptive-card.json",
        ["version"] = "1.5",
        ["body"] = new JsonArray(new JsonObject
        {
            ["type"] = "TextBlock", ["wrap"] = true,
            ["text"] = $"Thanks, {by}: your rating of the answer to {ticketId} was received.",
        }),
    };
}
