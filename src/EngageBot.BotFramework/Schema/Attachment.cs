using System.Text.Json.Nodes;

namespace EngageBot.BotFramework.Schema;

/// <summary>An attachment; Adaptive Cards travel as contentType application/vnd.microsoft.card.adaptive.</summary>
public sealed record Attachment
{
    public const string AdaptiveCardContentType = "application/vnd.microsoft.card.adaptive";

    public string? ContentType { get; init; }
    public string? ContentUrl { get; init; }
    public JsonNode? Content { get; init; }
    public string? Name { get; init; }

    public static Attachment AdaptiveCard(JsonObject card) => new() { ContentType = AdaptiveCardContentType, Content = card };
}
