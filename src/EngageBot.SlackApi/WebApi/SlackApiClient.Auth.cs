namespace EngageBot.SlackApi.WebApi;

public sealed partial class SlackApiClient
{
    /// <summary>Who the bot token belongs to: our workspace (team_id) and our bot user (user_id).</summary>
    public Task<AuthTestResponse> AuthTestAsync(CancellationToken cancellationToken = default) =>
        PostFormAsync<AuthTestResponse>("auth.test", [], cancellationToken);
}

public sealed record AuthTestResponse : SlackResponse
{
    public string? TeamId { get; init; }
    public string? Team { get; init; }
    public string? UserId { get; init; }
    public string? BotId { get; init; }
}
