namespace EngageBot.SlackApi.WebApi;

public sealed partial class SlackApiClient
{
    public Task<UsersInfoResponse> UsersInfoAsync(string userId, CancellationToken cancellationToken = default) =>
        PostFormAsync<UsersInfoResponse>("users.info", [new("user", userId)], cancellationToken);
}

public sealed record UsersInfoResponse : SlackResponse
{
    public SlackUser? User { get; init; }
}

/// <summary>
/// The fields of a user object we read. In Slack Connect channels, <see cref="TeamId"/> is the user's home
/// workspace and <see cref="IsStranger"/> marks users from an organisation we have no other connection to.
/// </summary>
public sealed record SlackUser
{
    public string Id { get; init; } = "";
    public string? TeamId { get; init; }
    public string? Name { get; init; }
    public string? RealName { get; init; }
    public bool IsBot { get; init; }
    public bool IsAppUser { get; init; }
    public bool IsStranger { get; init; }
    public bool IsRestricted { get; init; }
    public bool IsUltraRestricted { get; init; }
    public bool Deleted { get; init; }
    public SlackUserProfile? Profile { get; init; }
}

public sealed record SlackUserProfile
{
    public string? DisplayName { get; init; }
    public string? RealName { get; init; }
    public string? Email { get; init; }
    public string? Team { get; init; }
}
