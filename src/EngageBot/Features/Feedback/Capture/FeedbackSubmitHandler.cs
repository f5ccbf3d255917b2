using EngageBot.Cards;
using EngageBot.Cards.Actions;
using EngageBot.Channels;
using EngageBot.Features.Directory;

namespace EngageBot.Features.Feedback.Capture;

/// <summary>
/// The log form's submission (from the message action or the feedback command, on either platform): internal people only,
/// stored with the partner, the source and who logged it. The same person logging the same source twice stores one entry.
/// </summary>
public sealed class FeedbackSubmitHandler(FeedbackStore store, IPartnerDirectory directory, LowRatingNotifier lowRatings, TimeProvider time,
    ILogger<FeedbackSubmitHandler> logger) : ICardActionHandler
{
    private static readonly string[] Ratings = ["1", "2", "3", "4", "5"];

    public IReadOnlyCollection<string> Verbs { get; } = [FeedbackForm.Verb];

    public async Task<CardActionResult> HandleAsync(CardActionInvoked action, CancellationToken cancellationToken)
    {
        if (action.Actor is not { Kind: AuthorKind.Internal } actor) return CardActionResult.Text(FeedbackReplies.InternalOnly);
        if (FeedbackDraft.FromActionData(action.Data) is not { } draft)
            return CardActionResult.Text("This form does not say what it is about; open it again from the message.");
        var check = CardInputValidator.For(action.Data)
            .OneOf(CardInputs.Rating, Ratings)
            .Required(CardInputs.Category, "Choose a category.").OneOf(CardInputs.Category, FeedbackForm.Categories.Select(c => FeedbackForm.Value(c.Category)).ToList())
            .Required(CardInputs.Text, "Write what the partner said.").MaxLength(CardInputs.Text, FeedbackForm.MaxTextLength);
        if (!check.IsValid) return check.Result;
        var partner = (await directory.GetSnapshotAsync(cancellationToken)).Partner(draft.PartnerId);
        if (partner is null) return CardActionResult.Text(FeedbackReplies.UnknownPartner);

        var loggedBy = FeedbackPerson.From(action.Platform, actor);
        var entry = new FeedbackEntry(
            FeedbackEntry.IdFor(partner.Id, FeedbackSource.LoggedMessage, draft.SourceId, $"{loggedBy.Platform}|{loggedBy.UserId}"),
            partner.Id, FeedbackSource.LoggedMessage, draft.SourceId,
            check.Value(CardInputs.Rating) is { Length: > 0 } r ? int.Parse(r, System.Globalization.CultureInfo.InvariantCulture) : null,
            Enum.Parse<FeedbackCategory>(check.Value(CardInputs.Category), ignoreCase: true),
            check.Value(CardInputs.Text), draft.Author, loggedBy, time.GetUtcNow(), draft.SourceMessage);
        if (!await store.SaveAsync(entry, cancellationToken))
            return CardActionResult.Text($"You already logged this as feedback from {partner.Name}.");
        logger.LogInformation("Feedback {FeedbackId} logged for partner {PartnerId} by {UserId}", entry.Id, partner.Id, actor.Id);
        await lowRatings.NotifyIfLowAsync(entry, action.Platform, cancellationToken);
        return CardActionResult.Text($"Logged as feedback from {partner.Name}. Only people on our side can see it.");
    }
}
