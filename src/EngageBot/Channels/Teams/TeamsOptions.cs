using System.ComponentModel.DataAnnotations;
using EngageBot.BotFramework.Authentication;

namespace EngageBot.Channels.Teams;

/// <summary>Bound from EngageBot:Teams (env: EngageBot__Teams__...). Teams is enabled when AppId is set.</summary>
public sealed class TeamsOptions : IValidatableObject
{
    public const string Section = "EngageBot:Teams";

    /// <summary>The Azure Bot's Microsoft App ID (for UserAssignedMsi: the identity's client id).</summary>
    public string? AppId { get; set; }

    /// <summary>Client secret for MultiTenant and SingleTenant. Never logged.</summary>
    public string? AppPassword { get; set; }

    /// <summary>Our Entra tenant: the token authority for SingleTenant, and "internal" when classifying authors.</summary>
    public string? TenantId { get; set; }

    public BotAppType AppType { get; set; } = BotAppType.SingleTenant;

    public string OpenIdMetadataUrl { get; set; } = AuthenticationConstants.ToBotFromChannelOpenIdMetadataUrl;

    /// <summary>Replaces the Entra token host (tests use a loopback fake; http only on loopback).</summary>
    public string? TokenEndpoint { get; set; }

    public bool Enabled => !string.IsNullOrWhiteSpace(AppId);

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (!Enabled)
            yield break;
        if (AppType is BotAppType.MultiTenant or BotAppType.SingleTenant && string.IsNullOrWhiteSpace(AppPassword))
            yield return new($"{Section}:AppPassword is required when {Section}:AppType is {AppType}.");
        if (AppType == BotAppType.SingleTenant && string.IsNullOrWhiteSpace(TenantId))
            yield return new($"{Section}:TenantId is required when {Section}:AppType is SingleTenant.");
        if (AppType == BotAppType.UserAssignedMsi && !string.IsNullOrEmpty(AppPassword))
            yield return new($"{Section}:AppPassword must be empty when {Section}:AppType is UserAssignedMsi (the managed identity has no secret).");
        if (AppType == BotAppType.UserAssignedMsi && string.IsNullOrWhiteSpace(TenantId))
            yield return new($"{Section}:TenantId is required when {Section}:AppType is UserAssignedMsi.");
        if (!Uri.TryCreate(OpenIdMetadataUrl, UriKind.Absolute, out var metadata) || !IsSecureOrLoopback(metadata))
            yield return new($"{Section}:OpenIdMetadataUrl must be an absolute https URL (http only on loopback).");
        if (TokenEndpoint is { Length: > 0 } && (!Uri.TryCreate(TokenEndpoint, UriKind.Absolute, out var token) || !IsSecureOrLoopback(token)))
            yield return new($"{Section}:TokenEndpoint must be an absolute https URL (http only on loopback).");
    }

    private static bool IsSecureOrLoopback(Uri uri) => uri.Scheme == Uri.UriSchemeHttps || (uri.Scheme == Uri.UriSchemeHttp && uri.IsLoopback);
}
