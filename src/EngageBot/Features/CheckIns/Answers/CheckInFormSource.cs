using System.Text.Json.Nodes;
using EngageBot.Cards;
using EngageBot.Channels;

namespace EngageBot.Features.CheckIns.Answers;

/// <summary>
/// The Slack modal behind the check-in card's button asks that check-in's tier questions (null when it is gone). Only
/// partner-side users get it: anyone else gets the private explanation of who may answer, and no form.
/// </summary>
public sealed class CheckInFormSource(CheckInStore store, CheckInCard card, CheckInRespondents respondents) : ICardFormSource
{
    public string Card => CardNames.CheckIn;

    public async Task<string?> RefusalAsync(string verb, JsonObject actionData, ChatPlatform platform, ChatUser actor, CancellationToken cancellationToken) =>
        actionData[CheckInAnswerHandler.PartnerIdField]?.GetValue<string>() is { Length: > 0 } partnerId
            ? await respondents.RefusalAsync(platform, actor, partnerId, cancellationToken)
            : null;

    public async Task<JsonObject?> GetFormDataAsync(string verb, JsonObject actionData, ChatPlatform platform, ChatUser actor, CancellationToken cancellationToken)
    {
        if (actionData[CheckInAnswerHandler.CheckInIdField]?.GetValue<string>() is not { Length: > 0 } checkInId
            || actionData[CheckInAnswerHandler.PartnerIdField]?.GetValue<string>() is not { Length: > 0 } partnerId
            || await store.GetAsync(partnerId, checkInId, cancellationToken) is not { } checkIn)
            return null;
        var data = await card.DataAsync(checkIn, cancellationToken);
        data["open"] = true; // the modal is the form; a second answer is caught on submit
        return data;
    }
}
