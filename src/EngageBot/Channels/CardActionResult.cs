using System.Text.Json.Nodes;

namespace EngageBot.Channels;

/// <summary>
/// What the user sees after pressing a button: the card replaced in place (so it can't be pressed twice),
/// a short message, or validation errors shown back on the form (keyed by input id).
/// </summary>
public sealed record CardActionResult(JsonObject? UpdatedCard = null, string? Message = null, IReadOnlyDictionary<string, string>? Errors = null)
{
    public static CardActionResult Updated(JsonObject card) => new(UpdatedCard: card);
    public static CardActionResult Text(string message) => new(Message: message);
    public static CardActionResult Invalid(IReadOnlyDictionary<string, string> errors) => new(Errors: errors);
}
