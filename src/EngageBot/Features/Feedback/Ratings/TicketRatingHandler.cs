using System.Globalization;
using System.Text.Json.Nodes;
using EngageBot.Cards;
using EngageBot.Cards.Actions;
using EngageBot.Channels;
using EngageBot.Features.Tickets.Storage;

namespace EngageBot.Features.Feedback.Ratings;

/// <summary>
/// A rating of a resolved ticket's answer. Only the partner who asked may rate (anyone else, internal people included, gets
/// a private explanation); one rating per ticket, so a double submit stores one. Stored as feedback linked to the ticket.
/// </summary>
public sealed class TicketRatingHandler(TicketStore tickets, FeedbackStore store, LowRatingNotifier lowRatings, TimeProvider time) : ICardActionHandler
{
    private static readonly string[] Ratings = ["1", "2", "3", "4", "5"];

    public IReadOnlyCollection<string> Verbs { get; } = [TicketRatingCard.Verb];

    public async Task<CardActionResult> HandleAsync(CardActionInvoked action, CancellationToken cancellationToken)
    {
        var ticketId = action.Data[TicketRatingCard.TicketField] is JsonValue value && value.TryGetValue<string>(out var id) ? id : "";
        if (ticketId.Length == 0 || await tickets.GetAsync(ticketId, cancellationToken) is not { } ticket)
            return Refuse("This ticket no longer exists, so it cannot be rated.");
        var asker = TicketRatingInviter.Asker(ticket);
        if (action.Actor is not { } actor || asker is null || actor.Id != asker.PlatformUserId)
            return Refuse($"Only {asker?.Display ?? "the partner who asked"} can rate this answer.");
        var check = CardInputValidator.For(action.Data)
            .Required(CardInputs.Rating, "Choose a rating from 1 to 5.").OneOf(CardInputs.Rating, Ratings)
            .MaxLength(CardInputs.Comment, TicketRatingCard.MaxCommentLength);
        if (!check.IsValid) return check.Result;

        var rating = int.Parse(check.Value(CardInputs.Rating), CultureInfo.InvariantCulture);
        var author = new FeedbackPerson(ticket.Platform, actor.Id, actor.DisplayName ?? asker.Name);
        var entry = new FeedbackEntry(FeedbackEntry.IdFor(ticket.PartnerId, FeedbackSource.TicketRating, ticket.Id), ticket.PartnerId,
            FeedbackSource.TicketRating, ticket.Id, rating, FeedbackCategory.Support, check.Value(CardInputs.Comment), author, LoggedBy: null,
            time.GetUtcNow(), new MessageRef(ticket.Thread with { ThreadId = null }, ticket.RootMessageId));
        if (!await store.SaveAsync(entry, cancellationToken))
            return CardActionResult.Text("This answer has already been rated. Thank you!");
        await lowRatings.NotifyIfLowAsync(entry, action.Platform, cancellationToken);
        return new CardActionResult(TicketRatingCard.Rated(ticket.Id, author.Name), $"Thanks, {author.Name}: you rated the answer {rating}/5.");
    }

    // Shown on the form (Slack modal errors, Teams invoke error) to the person who pressed it, and to no one else.
    private static CardActionResult Refuse(string message) => CardActionResult.Invalid(new Dictionary<string, string> { [CardInputs.Rating] = message });
}
