using System.Text.Json.Nodes;

namespace EngageBot.BotFramework.Schema;

/// <summary>Body of POST /v3/conversations (Schema/ConversationParameters.cs).</summary>
public sealed record ConversationParameters
{
    public bool? IsGroup { get; init; }
    public ChannelAccount? Bot { get; init; }
    public IReadOnlyList<ChannelAccount>? Members { get; init; }
    public string? TopicName { get; init; }
    public string? TenantId { get; init; }
    public Activity? Activity { get; init; }
    public JsonObject? ChannelData { get; init; }
}
