using System.Text.Json.Nodes;
using EngageBot.Cards;
using EngageBot.Channels;

namespace EngageBot.Features.CheckIns.Answers;

/// <summary>
/// The Slack modal behind the check-in card's button asks that check-in's tier questions (null when it is gone). Internal
/// users get the form too: their submit is answered with the private explanation of who may answer.
/// </summary>
public sealed class CheckInFormSource(CheckInStore store, CheckInCard card) : ICardFormSource
{
    public string Card => CardNames.CheckIn;

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
