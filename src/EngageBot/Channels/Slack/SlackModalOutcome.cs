using System.Text.Json.Nodes;
using EngageBot.Cards;

namespace EngageBot.Channels.Slack;

/// <summary>
/// A view_submission answered with a message: the modal is replaced by one showing it (response_action "update"), the only
/// place a modal's outcome can be shown to its submitter alone.
/// </summary>
internal static class SlackModalOutcome
{
    public static JsonObject Update(string message) => new()
    {
        ["response_action"] = "update",
        ["view"] = new JsonObject
        {
            ["type"] = "modal",
            ["title"] = BlockKitBlocks.PlainText("EngageBot", SlackLimits.ModalTitle),
            ["close"] = BlockKitBlocks.PlainText("Close", SlackLimits.ModalButton),
            ["blocks"] = new JsonArray(BlockKitBlocks.Section(CardText.EscapeSlack(message))),
        },
    };
}
