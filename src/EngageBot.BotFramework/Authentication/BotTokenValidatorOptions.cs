namespace EngageBot.BotFramework.Authentication;

/// <summary>What the inbound validator needs: the bot's app id and where the channel's signing keys are published.</summary>
public sealed record BotTokenValidatorOptions(string AppId, string OpenIdMetadataUrl = AuthenticationConstants.ToBotFromChannelOpenIdMetadataUrl)
{
    /// <summary>Minimum time between key refreshes forced by an unknown key id (a forged kid must not hammer the endpoint).</summary>
    public TimeSpan RefreshInterval { get; init; } = TimeSpan.FromMinutes(5);

    /// <summary>Full refresh even when nothing forces it; Microsoft asks for at least daily.</summary>
    public TimeSpan AutomaticRefreshInterval { get; init; } = TimeSpan.FromHours(24);
}
