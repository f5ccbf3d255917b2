using EngageBot.Cards;
using EngageBot.Cards.Actions;
using EngageBot.Channels;
using EngageBot.Features.Directory;
using EngageBot.Features.Directory.Model;

namespace EngageBot.Features.ChurnRisk.Escalation;

/// <summary>
/// The risk card's buttons: Acknowledge, Resolve (outcome saved | lost | not-a-risk, optional note), Reassign (first press shows a "reassign to" input; confirming
/// hands the risk to that person from the directory). Only internal people in the directory may act; the answer is the refreshed card, whose buttons
/// follow the new status.
/// </summary>
public sealed class ChurnRiskActionHandler(
    ChurnRiskService risks,
    ChurnRiskCard card,
    ChurnRiskActors actors,
    IPartnerDirectory directory) : ICardActionHandler
{
    public const string RiskIdField = "riskId";
    public const string ConfirmField = "confirm";

    public IReadOnlyCollection<string> Verbs { get; } = [CardVerbs.ChurnAcknowledge, CardVerbs.ChurnResolve, CardVerbs.ChurnReassign];

    public async Task<CardActionResult> HandleAsync(CardActionInvoked action, CancellationToken cancellationToken)
    {
        if (await actors.FindAsync(action.Platform, action.Actor, cancellationToken) is not { } actor)
            return CardActionResult.Text("Only our team can act on churn risks.");
        var riskId = CardInputValidator.For(action.Data).Value(RiskIdField);
        if (riskId.Length == 0 || await risks.Store.GetAsync(riskId, cancellationToken) is null)
            return CardActionResult.Text(riskId.Length == 0 ? "This card has no risk id." : $"Churn risk {riskId} no longer exists.");

        ChurnRisk? risk;
        string? confirmation = null;
        switch (action.Verb)
        {
            case CardVerbs.ChurnAcknowledge:
                risk = await risks.AcknowledgeAsync(riskId, actor, cancellationToken);
                break;
            case CardVerbs.ChurnResolve:
                var check = CardInputValidator.For(action.Data)
                    .Required(CardInputs.Outcome, "Choose an outcome: saved, lost or not a risk.")
                    .OneOf(CardInputs.Outcome, RiskOutcomes.Values)
                    .MaxLength(CardInputs.Note, 1000);
                if (!check.IsValid) return check.Result;
                var outcome = RiskOutcomes.Parse(check.Value(CardInputs.Outcome))!.Value;
                risk = await risks.ResolveAsync(riskId, actor, outcome, check.Value(CardInputs.Note), cancellationToken);
                confirmation = $"Churn risk {riskId} is resolved: {outcome.Text()}.";
                break;
            case CardVerbs.ChurnReassign when action.Data[ConfirmField]?.GetValueKind() != System.Text.Json.JsonValueKind.True:
                // First press: the card turns into its "reassign to" form (one input-taking action per card view keeps Slack to one form button).
                return CardActionResult.Updated(await card.CardAsync((await risks.Store.GetAsync(riskId, cancellationToken))!, cancellationToken, reassigning: true));
            case CardVerbs.ChurnReassign:
                var input = CardInputValidator.For(action.Data).Required(CardInputs.Assignee, "Name the person to hand this to (directory id or email).");
                if (!input.IsValid) return input.Result;
                if (await FindByIdOrEmailAsync(input.Value(CardInputs.Assignee), cancellationToken) is not { } newOwner)
                    return CardActionResult.Invalid(new Dictionary<string, string> { [CardInputs.Assignee] = $"Nobody in the directory is “{CardText.Truncate(input.Value(CardInputs.Assignee), 40)}”." });
                if (newOwner.Identities.Count == 0)
                    return CardActionResult.Invalid(new Dictionary<string, string> { [CardInputs.Assignee] = $"{newOwner.Name} has no Slack or Teams id in the directory, so they can't get the card." });
                risk = await risks.ReassignAsync(riskId, actor, newOwner, cancellationToken);
                confirmation = $"Churn risk {riskId} is now {newOwner.Name}'s; they have been sent the card.";
                break;
            default:
                return CardActionResult.Text($"Unknown action {action.Verb}.");
        }
        // Forms (resolve, reassign) also confirm in words: on Slack the form closes and the card changes elsewhere.
        return risk is null
            ? CardActionResult.Text($"Churn risk {riskId} no longer exists.")
            : new CardActionResult(await card.CardAsync(risk, cancellationToken), confirmation);
    }

    private async Task<Person?> FindByIdOrEmailAsync(string value, CancellationToken ct)
    {
        if (await directory.GetPersonAsync(value, ct) is { } byId) return byId;
        var snapshot = await directory.GetSnapshotAsync(ct);
        return snapshot.Content.People.FirstOrDefault(p => string.Equals(p.Email, value, StringComparison.OrdinalIgnoreCase));
    }
}
