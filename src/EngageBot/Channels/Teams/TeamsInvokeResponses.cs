using EngageBot.BotFramework.Schema;

namespace EngageBot.Channels.Teams;

/// <summary>
/// A card action's outcome as the AdaptiveCardInvokeResponse body Teams expects (universal-action-model.md), always
/// sent with HTTP 200: a replacement card, a message, or a 400 error listing the invalid inputs.
/// </summary>
internal static class TeamsInvokeResponses
{
    public static AdaptiveCardInvokeResponse From(CardActionResult result)
    {
        if (result.Errors is { Count: > 0 } errors)
            return AdaptiveCardInvokeResponse.Error(400, "BadRequest", string.Join("; ", errors.Select(e => $"{e.Key}: {e.Value}")));
        if (result.UpdatedCard is { } card)
            return AdaptiveCardInvokeResponse.Card(card);
        return AdaptiveCardInvokeResponse.Message(result.Message ?? "");
    }

    public static AdaptiveCardInvokeResponse Failed() =>
        AdaptiveCardInvokeResponse.Error(500, "InternalError", "EngageBot could not process this action. Please try again.");
}
