using System.Text.Json.Nodes;
using EngageBot.Cards;
using EngageBot.Channels;

namespace EngageBot.Features.CheckIns.Answers;

/// <summary>The Slack modal behind the check-in card's button asks that check-in's tier questions (null when it is gone: the submit then explains).</summary>
public sealed class CheckInFormSource(CheckInStore store, CheckInCard card) : ICardFormSource
{
    public string Verb => CardVerbs.CheckInSubmit;

    public async Task<JsonObject?> GetFormDataAsync(JsonObject actionData, ChatUser actor, CancellationToken cancellationToken)
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
