using System.Text.Json.Nodes;

namespace EngageBot.BotFramework.Schema;

/// <summary>What the bot answers to an invoke activity: Status becomes the HTTP status, Body the HTTP body (HttpHelper.cs in the SDK).</summary>
public sealed record InvokeResponse(int Status, object? Body = null);

/// <summary>The value of an adaptiveCard/action invoke (Schema/AdaptiveCardInvokeValue.cs).</summary>
public sealed record AdaptiveCardInvokeValue
{
    public AdaptiveCardInvokeAction? Action { get; init; }
    public string? Trigger { get; init; }
    public JsonNode? Authentication { get; init; }
    public string? State { get; init; }
}

public sealed record AdaptiveCardInvokeAction
{
    public string? Type { get; init; }
    public string? Id { get; init; }
    public string? Verb { get; init; }
    public JsonNode? Data { get; init; }
}

/// <summary>
/// The body Teams expects back for Action.Execute (universal-action-model.md): a replacement card, a message,
/// or an error, each with its content type.
/// </summary>
public sealed record AdaptiveCardInvokeResponse(int StatusCode, string Type, JsonNode? Value)
{
    public const string CardType = "application/vnd.microsoft.card.adaptive";
    public const string MessageType = "application/vnd.microsoft.activity.message";
    public const string ErrorType = "application/vnd.microsoft.error";

    public static AdaptiveCardInvokeResponse Card(JsonObject card) => new(200, CardType, card);
    public static AdaptiveCardInvokeResponse Message(string text) => new(200, MessageType, JsonValue.Create(text));
    public static AdaptiveCardInvokeResponse Error(int statusCode, string code, string message) =>
        new(statusCode, ErrorType, new JsonObject { ["code"] = code, ["message"] = message });
}
