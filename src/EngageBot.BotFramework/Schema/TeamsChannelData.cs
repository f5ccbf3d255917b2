using System.Text.Json;
using System.Text.Json.Serialization;

namespace EngageBot.BotFramework.Schema;

/// <summary>
/// Teams' channelData (botbuilder-dotnet Schema/Teams/TeamsChannelData.cs), plus the shared-channel fields
/// sharedWithTeams / unsharedFromTeams / membershipSource from the Teams shared-channel samples.
/// </summary>
public sealed record TeamsChannelData
{
    public TenantInfo? Tenant { get; init; }
    public TeamInfo? Team { get; init; }
    public ChannelInfo? Channel { get; init; }
    public string? EventType { get; init; }
    public TeamsChannelDataSettings? Settings { get; init; }
    public IReadOnlyList<TeamInfo>? SharedWithTeams { get; init; }
    public IReadOnlyList<TeamInfo>? UnsharedFromTeams { get; init; }
    public MembershipSource? MembershipSource { get; init; }

    [JsonExtensionData]
    public IDictionary<string, JsonElement>? AdditionalProperties { get; init; }
}

public sealed record TenantInfo(string? Id);

public sealed record TeamInfo
{
    public string? Id { get; init; }
    public string? Name { get; init; }
    public string? AadGroupId { get; init; }
    public string? TenantId { get; init; }
}

public sealed record ChannelInfo
{
    public string? Id { get; init; }
    public string? Name { get; init; }
    public string? Type { get; init; }
}

public sealed record TeamsChannelDataSettings
{
    public ChannelInfo? SelectedChannel { get; init; }
}

/// <summary>How a member reached a shared channel: directly, or transitively through a team it is shared with.</summary>
public sealed record MembershipSource
{
    public string? SourceType { get; init; }
    public string? Id { get; init; }
    public string? MembershipType { get; init; }
    public string? TeamGroupId { get; init; }
    public string? TenantId { get; init; }
}
