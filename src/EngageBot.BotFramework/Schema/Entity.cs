using System.Text.Json;
using System.Text.Json.Serialization;

namespace EngageBot.BotFramework.Schema;

/// <summary>An activity entity. Mentions have type "mention", the mentioned account and the exact "&lt;at&gt;…&lt;/at&gt;" text.</summary>
public sealed record Entity
{
    public const string MentionType = "mention";

    public string? Type { get; init; }
    public ChannelAccount? Mentioned { get; init; }
    public string? Text { get; init; }

    [JsonExtensionData]
    public IDictionary<string, JsonElement>? AdditionalProperties { get; init; }

    public static Entity Mention(ChannelAccount mentioned, string text) => new() { Type = MentionType, Mentioned = mentioned, Text = text };
}
