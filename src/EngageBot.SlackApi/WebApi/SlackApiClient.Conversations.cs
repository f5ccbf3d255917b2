namespace EngageBot.SlackApi.WebApi;

public sealed partial class SlackApiClient
{
    /// <summary>Opens (or finds) the DM with these users; the D… id is what chat.postMessage takes.</summary>
    public Task<ConversationsOpenResponse> ConversationsOpenAsync(IEnumerable<string> userIds, CancellationToken cancellationToken = default) =>
        PostFormAsync<ConversationsOpenResponse>("conversations.open", [new("users", string.Join(',', userIds))], cancellationToken);

    public Task<ConversationsInfoResponse> ConversationsInfoAsync(string channelId, CancellationToken cancellationToken = default) =>
        PostFormAsync<ConversationsInfoResponse>("conversations.info", [new("channel", channelId)], cancellationToken);
}

public sealed record ConversationsOpenResponse : SlackResponse
{
    public SlackConversation? Channel { get; init; }
}

public sealed record ConversationsInfoResponse : SlackResponse
{
    public SlackConversation? Channel { get; init; }
}

/// <summary>The fields of a conversation object we read; Slack Connect flags tell shared channels apart.</summary>
public sealed record SlackConversation
{
    public string Id { get; init; } = "";
    public string? Name { get; init; }
    public bool IsIm { get; init; }
    public bool IsPrivate { get; init; }
    public bool IsArchived { get; init; }
    public bool IsShared { get; init; }
    public bool IsExtShared { get; init; }
    public bool IsPendingExtShared { get; init; }
    public bool IsOrgShared { get; init; }
    public string? ContextTeamId { get; init; }
    public string? ConversationHostId { get; init; }
    public IReadOnlyList<string>? SharedTeamIds { get; init; }
    public IReadOnlyList<string>? ConnectedTeamIds { get; init; }
}
