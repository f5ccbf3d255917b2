namespace EngageBot.SlackApi.WebApi;

public sealed partial class SlackApiClient
{
    /// <summary>A fresh Socket Mode URL. Takes the app-level token (xapp-…) in the Authorization header, not as a parameter.</summary>
    public Task<AppsConnectionsOpenResponse> AppsConnectionsOpenAsync(string appToken, CancellationToken cancellationToken = default) =>
        PostFormAsync<AppsConnectionsOpenResponse>("apps.connections.open", [], cancellationToken, token: appToken);
}

public sealed record AppsConnectionsOpenResponse : SlackResponse
{
    public string? Url { get; init; }
}
