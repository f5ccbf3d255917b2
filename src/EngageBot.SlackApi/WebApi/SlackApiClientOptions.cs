namespace EngageBot.SlackApi.WebApi;

public sealed class SlackApiClientOptions
{
    /// <summary>Where the Web API lives; a loopback fake in tests.</summary>
    public Uri BaseUrl { get; set; } = new("https://slack.com/api/");

    /// <summary>The bot token (xoxb-…) sent as <c>Authorization: Bearer</c>.</summary>
    public string? BotToken { get; set; }
}
