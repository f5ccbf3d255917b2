using Azure.Core;
using Azure.Core.Pipeline;
using Azure.Identity;

namespace EngageBot.BotFramework.Authentication;

/// <summary>
/// Builds the Azure.Identity credential for the bot's outbound token (bot-framework-rest-connector-authentication.md):
/// client secret against tenant botframework.com (multi-tenant) or the bot's tenant (single-tenant), or a
/// user-assigned managed identity. Azure.Identity caches tokens and refreshes them before expiry.
/// </summary>
public static class BotCredentialFactory
{
    public static TokenCredential Create(BotCredentialOptions options)
    {
        return options.AppType switch
        {
            BotAppType.MultiTenant => new ClientSecretCredential(AuthenticationConstants.DefaultChannelAuthTenant, options.AppId,
                Require(options.AppPassword, "AppPassword"), Configure(new ClientSecretCredentialOptions(), options)),
            BotAppType.SingleTenant => new ClientSecretCredential(Require(options.TenantId, "TenantId"), options.AppId,
                Require(options.AppPassword, "AppPassword"), Configure(new ClientSecretCredentialOptions(), options)),
            BotAppType.UserAssignedMsi => new ManagedIdentityCredential(new ManagedIdentityCredentialOptions(
                ManagedIdentityId.FromUserAssignedClientId(options.AppId))),
            _ => throw new ArgumentOutOfRangeException(nameof(options), options.AppType, "unknown app type"),
        };
    }

    private static ClientSecretCredentialOptions Configure(ClientSecretCredentialOptions credentialOptions, BotCredentialOptions options)
    {
        if (options.TokenAuthority is not { } authority)
            return credentialOptions;
        // MSAL insists on an https authority, so the authority stays the public one and the transport redirects
        // each request to the override (documented pattern: a custom HttpPipelineTransport).
        credentialOptions.Transport = new HttpClientTransport(new AuthorityRedirectHandler(authority) { InnerHandler = new SocketsHttpHandler() });
        credentialOptions.DisableInstanceDiscovery = true;
        return credentialOptions;
    }

    private static string Require(string? value, string name) =>
        string.IsNullOrWhiteSpace(value) ? throw new ArgumentException($"{name} is required for this app type.", nameof(value)) : value;
}
