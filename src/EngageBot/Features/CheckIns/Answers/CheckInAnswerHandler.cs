using EngageBot.Cards;
using EngageBot.Cards.Actions;
using EngageBot.Channels;
using EngageBot.Features.ChurnRisk.Escalation;
using EngageBot.Features.Feedback;
using EngageBot.Hosting.Telemetry;

namespace EngageBot.Features.CheckIns.Answers;

/// <summary>
/// The check-in card's Submit. Only partner-side users answer (an internal user gets a private explanation); each answer
/// is stored as feedback with an id deterministic per check-in and respondent, so a form submitted twice stores one; the
/// cards in the channel are updated to say who answered; a low health score raises a partner churn risk.
/// </summary>
public sealed class CheckInAnswerHandler(
    CheckInStore store,
    FeedbackStore feedback,
    CheckInCard card,
    CheckInCardUpdater updater,
    ChurnSignalHandler churn,
    CheckInRespondents respondents,
    ChatPlatforms platforms,
    TimeProvider time) : ICardActionHandler
{
    public const string CheckInIdField = "checkInId";
    public const string PartnerIdField = "partnerId";

    public IReadOnlyCollection<string> Verbs { get; } = [CardVerbs.CheckInSubmit];

    public async Task<CardActionResult> HandleAsync(CardActionInvoked action, CancellationToken cancellationToken)
    {
        var input = CardInputValidator.For(action.Data);
        var (checkInId, partnerId) = (input.Value(CheckInIdField), input.Value(PartnerIdField));
        if (checkInId.Length == 0 || partnerId.Length == 0 || await store.GetAsync(partnerId, checkInId, cancellationToken) is not { } checkIn)
            return Refuse(action, "This check-in no longer exists (its partner or schedule changed), so the answer was not saved. Your partner manager can start a new one.");
        var refusal = await respondents.RefusalAsync(action.Platform, action.Actor, partnerId, cancellationToken);
        if (refusal is not null || action.Actor is not { } user) return Refuse(action, refusal ?? "");
        if (checkIn.AnswerBy(action.Platform, user.Id) is not null)
            return new CardActionResult(await card.CardAsync(checkIn, cancellationToken), "Your answer was already recorded. Thank you!");

        var check = input.Required(CardInputs.Rating, "Pick a health score from 1 to 5.").OneOf(CardInputs.Rating, ["1", "2", "3", "4", "5"])
            .MaxLength(CardInputs.Blocking, 2000).MaxLength(CardInputs.Pipeline, 2000).MaxLength(CardInputs.Comment, 2000);
        if (!check.IsValid) return check.Result;
        var health = int.Parse(check.Value(CardInputs.Rating), System.Globalization.CultureInfo.InvariantCulture);

        var now = time.GetUtcNow();
        var name = string.IsNullOrWhiteSpace(user.DisplayName) ? user.Id : user.DisplayName;
        var entry = new FeedbackEntry(FeedbackEntry.IdFor(partnerId, FeedbackSource.CheckInAnswer, checkIn.Id, $"{action.Platform}|{user.Id}"),
            partnerId, FeedbackSource.CheckInAnswer, checkIn.Id, health, null, CheckInAnswerText.From(check), FeedbackPerson.From(action.Platform, user), null, now,
            action.SourceMessage);
        if (await feedback.SaveAsync(entry, cancellationToken)) EngageBotMetrics.CheckInAnswered();
        var answer = new CheckInAnswer(action.Platform, user.Id, name, now, health, entry.Id);
        var updated = await store.UpdateAsync(partnerId, checkIn.Id,
            c => c.AnswerBy(action.Platform, user.Id) is null ? c with { Answers = [.. c.Answers, answer] } : null, cancellationToken) ?? checkIn;
        await churn.RaiseFromCheckInAsync(partnerId, health, check.Value(CardInputs.Comment) is { Length: > 0 } c ? c : check.Value(CardInputs.Blocking),
            checkIn.Id, name, action.Platform, cancellationToken);
        var refreshed = await card.CardAsync(updated, cancellationToken);
        await updater.UpdatePostedAsync(updated, refreshed, cancellationToken);
        return new CardActionResult(refreshed, $"Thanks, {name}! Your answers went to your partner manager.");
    }

    // A form that shows only field errors (a Slack modal: the message would be lost) gets the refusal on the form.
    private CardActionResult Refuse(CardActionInvoked action, string message) =>
        action.SourceMessage is null && platforms.Describe(action.Platform).FormErrorsOnFieldsOnly
            ? new CardActionResult(Message: message, Errors: new Dictionary<string, string> { [CardInputs.Rating] = message })
            : CardActionResult.Text(message);
}
