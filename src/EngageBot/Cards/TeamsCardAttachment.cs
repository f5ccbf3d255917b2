using System.Text.Json.Nodes;

namespace EngageBot.Cards;

/// <summary>
/// An expanded Adaptive Card as a Bot Framework attachment, checked against Teams' message size: the documented bot
/// maximum is 40 KB (413 MessageSizeTooBig over it), counted as UTF-16 of the whole payload; 28 KB is our safe budget
/// so the activity envelope and text fit too.
/// </summary>
public static class TeamsCardAttachment
{
    public const string ContentType = "application/vnd.microsoft.card.adaptive";
    public const int SafeBudgetBytes = 28 * 1024;
    public const int MaxBytes = 40 * 1024;

    /// <summary>The attachment JSON; throws <see cref="CardTooLargeException"/> when the card alone exceeds 40 KB.</summary>
    public static JsonObject Create(JsonObject card)
    {
        var size = SizeInBytes(card);
        if (size > MaxBytes) throw new CardTooLargeException(size, MaxBytes);
        return new JsonObject { ["contentType"] = ContentType, ["content"] = card.DeepClone() };
    }

    /// <summary>UTF-16 bytes of the serialised JSON, as Teams counts it.</summary>
    public static int SizeInBytes(JsonNode node) => node.ToJsonString().Length * 2;

    public static bool IsWithinSafeBudget(JsonObject card) => SizeInBytes(card) <= SafeBudgetBytes;
}

public sealed class CardTooLargeException(int size, int limit)
    : Exception($"The Adaptive Card is {size} bytes (UTF-16); Teams rejects bot messages over {limit} bytes. Shorten or split it.")
{
    public int Size { get; } = size;
}
