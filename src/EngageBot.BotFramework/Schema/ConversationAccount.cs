using System.Text.Json;
using System.Text.Json.Serialization;

namespace EngageBot.BotFramework.Schema;

/// <summary>A conversation (Schema/ConversationAccount.cs). In Teams, TenantId is the host tenant; ConversationType is personal, groupChat or channel.</summary>
public sealed record ConversationAccount
{
    public string? Id { get; init; }
    public string? ConversationType { get; init; }
    public bool? IsGroup { get; init; }
    public string? TenantId { get; init; }
    public string? Name { get; init; }

    [JsonExtensionData]
    public IDictionary<string, JsonElement>? AdditionalProperties { get; init; }
}
