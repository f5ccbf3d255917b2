namespace EngageBot.BotFramework.Authentication;

/// <summary>Public-cloud values from botbuilder-dotnet Connector/Authentication/AuthenticationConstants.cs.</summary>
public static class AuthenticationConstants
{
    public const string ToBotFromChannelTokenIssuer = "https://api.botframework.com";
    public const string ToBotFromChannelOpenIdMetadataUrl = "https://login.botframework.com/v1/.well-known/openidconfiguration";
    public const string ToChannelFromBotOAuthScope = "https://api.botframework.com/.default";
    public const string DefaultChannelAuthTenant = "botframework.com";
    public const string ServiceUrlClaim = "serviceurl";
    public static readonly TimeSpan ClockSkew = TimeSpan.FromMinutes(5);
    public static readonly IReadOnlyCollection<string> AllowedSigningAlgorithms = ["RS256", "RS384", "RS512"];
}
