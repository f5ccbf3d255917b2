using System.Text.Json.Serialization;

namespace EngageBot.Features.Directory.Model;

/// <summary>
/// A partner's presence on one platform: the shared channels it owns (Slack channel ids; Teams channel
/// conversation ids), the partner's own workspace ids (Slack team ids; Teams tenant ids) so adapters can
/// tell partner-side users, and an optional internal triage channel for its tickets.
/// </summary>
public sealed record PlatformLink(
    [property: JsonPropertyName("channels")] IReadOnlyList<string> ChannelIds,
    IReadOnlyList<string> HomeTeamIds,
    [property: JsonPropertyName("triage_channel")] string? TriageChannelId)
{
    public static PlatformLink None { get; } = new([], [], null);

    [JsonIgnore]
    public bool IsEmpty => ChannelIds.Count == 0 && HomeTeamIds.Count == 0 && TriageChannelId is null;
}
