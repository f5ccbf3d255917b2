namespace EngageBot.SlackApi.WebApi;

/// <summary>The fields every Web API response carries.</summary>
public record SlackResponse
{
    public bool Ok { get; init; }
    public string? Error { get; init; }
    public string? Warning { get; init; }
}
