using System.Text.Json.Nodes;

namespace EngageBot.Cards;

/// <summary>Renders an expanded Adaptive Card for Slack. Inputs never go in messages: they move to a modal behind a button.</summary>
public interface IBlockKitRenderer
{
    BlockKitMessage RenderMessage(JsonObject adaptiveCard);

    /// <summary>A Slack modal view holding the card's inputs; submitted as view_submission with <paramref name="callbackId"/>.</summary>
    JsonObject RenderModal(JsonObject adaptiveCard, string callbackId, string privateMetadata);
}

/// <summary>Blocks for chat.postMessage/chat.update and the plain-text fallback for notifications.</summary>
public sealed record BlockKitMessage(JsonArray Blocks, string Text);
