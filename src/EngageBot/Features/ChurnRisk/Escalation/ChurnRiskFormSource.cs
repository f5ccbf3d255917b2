using System.Text.Json.Nodes;
using EngageBot.Cards;
using EngageBot.Channels;

namespace EngageBot.Features.ChurnRisk.Escalation;

/// <summary>
/// The risk card's forms opened from Slack (Resolve…, and Confirm reassignment… once Reassign was pressed), filled from
/// the risk as stored, for the people who may act on it.
/// </summary>
public sealed class ChurnRiskFormSource(ChurnRiskStore store, ChurnRiskCard card, ChurnRiskActors actors) : ICardFormSource
{
    public string Card => CardNames.ChurnRisk;

    public async Task<JsonObject?> GetFormDataAsync(string verb, JsonObject actionData, ChatPlatform platform, ChatUser actor, CancellationToken cancellationToken)
    {
        if (await actors.FindAsync(platform, actor, cancellationToken) is null) return null;
        if (actionData[ChurnRiskActionHandler.RiskIdField] is not JsonValue id || !id.TryGetValue<string>(out var riskId)
            || await store.GetAsync(riskId, cancellationToken) is not { } risk)
            return null;
        return await card.DataAsync(risk, cancellationToken, reassigning: verb == CardVerbs.ChurnReassign);
    }
}
