namespace EngageBot.BotFramework.Authentication;

/// <summary>
/// How the bot proves itself to the Connector. TokenAuthority, when set, replaces the Entra host for every request
/// Azure.Identity makes (sovereign proxies, loopback fakes in tests).
/// </summary>
public sealed record BotCredentialOptions(BotAppType AppType, string AppId, string? AppPassword, string? TenantId, Uri? TokenAuthority = null);
