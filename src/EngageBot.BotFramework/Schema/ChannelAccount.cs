using System.Text.Json;
using System.Text.Json.Serialization;

namespace EngageBot.BotFramework.Schema;

/// <summary>
/// A user or bot (Schema/ChannelAccount.cs and Teams/TeamsChannelAccount.cs merged): Teams member
/// listings add userPrincipalName, email, userRole and tenantId.
/// </summary>
public sealed record ChannelAccount
{
    public string? Id { get; init; }
    public string? Name { get; init; }
    public string? AadObjectId { get; init; }
    public string? Role { get; init; }
    public string? TenantId { get; init; }
    public string? UserRole { get; init; }
    public string? UserPrincipalName { get; init; }
    public string? Email { get; init; }

    [JsonExtensionData]
    public IDictionary<string, JsonElement>? AdditionalProperties { get; init; }
}
