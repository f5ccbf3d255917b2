using System.Text.Json.Nodes;
using EngageBot.Cards;
using EngageBot.Channels;
using EngageBot.Features.Tickets.Storage;

namespace EngageBot.Features.Feedback.Ratings;

/// <summary>The rating form opened from Slack's "open form" button, filled from the ticket it rates.</summary>
public sealed class TicketRatingFormSource(TicketStore tickets) : ICardFormSource
{
    public string Card => CardNames.TicketRating;

    public async Task<JsonObject?> GetFormDataAsync(string verb, JsonObject actionData, ChatPlatform platform, ChatUser actor, CancellationToken cancellationToken)
    {
        var ticketId = actionData[TicketRatingCard.TicketField] is JsonValue v && v.TryGetValue<string>(out var id) ? id : "";
        var ticket = ticketId.Length > 0 ? await tickets.GetAsync(ticketId, cancellationToken) : null;
        var asker = ticket is null ? null : TicketRatingInviter.Asker(ticket);
        // Never the template's sample data: a ticket gone since still opens the form, and the submission explains.
        return new JsonObject { ["ticketId"] = ticketId, ["asker"] = asker?.Display ?? actor.DisplayName ?? "Hello" };
    }
}
