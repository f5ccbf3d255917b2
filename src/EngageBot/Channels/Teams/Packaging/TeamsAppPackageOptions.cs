namespace EngageBot.Channels.Teams.Packaging;

/// <summary>
/// Bound from EngageBot:Teams:Package (env: EngageBot__Teams__Package__...): the values `engagebot teams package`
/// writes into manifests/teams/manifest.json. Only that command reads them, so the service never requires them.
/// </summary>
public sealed class TeamsAppPackageOptions
{
    public const string Section = "EngageBot:Teams:Package";

    /// <summary>The Teams app's id (a GUID of your choosing, stable across versions); defaults to EngageBot:Teams:AppId.</summary>
    public string? AppId { get; set; }

    /// <summary>The service's public host name, e.g. engagebot.contoso.com (no scheme).</summary>
    public string? Domain { get; set; }

    public string? Publisher { get; set; }
    public string? WebsiteUrl { get; set; }
    public string? PrivacyUrl { get; set; }
    public string? TermsUrl { get; set; }

    /// <summary>The app version Teams compares on upload; raise it for every change of the manifest.</summary>
    public string Version { get; set; } = "1.0.0";

    /// <summary>Every problem at once, each naming its key, so an admin fixes them in one go.</summary>
    public IReadOnlyList<string> Validate(string? botAppId)
    {
        var errors = new List<string>();
        if (!Guid.TryParse(botAppId, out _))
            errors.Add($"{TeamsOptions.Section}:AppId must be the bot's Microsoft App ID (a GUID).");
        if (AppId is { Length: > 0 } && !Guid.TryParse(AppId, out _))
            errors.Add($"{Section}:AppId must be a GUID.");
        if (string.IsNullOrWhiteSpace(Domain) || Uri.CheckHostName(Domain) is not (UriHostNameType.Dns or UriHostNameType.IPv4))
            errors.Add($"{Section}:Domain must be the service's public host name, e.g. engagebot.contoso.com.");
        if (string.IsNullOrWhiteSpace(Publisher))
            errors.Add($"{Section}:Publisher is required (the developer name Teams shows).");
        foreach (var (key, value) in new[] { ("WebsiteUrl", WebsiteUrl), ("PrivacyUrl", PrivacyUrl), ("TermsUrl", TermsUrl) })
            if (!Uri.TryCreate(value, UriKind.Absolute, out var uri) || uri.Scheme != Uri.UriSchemeHttps)
                errors.Add($"{Section}:{key} must be an absolute https URL.");
        if (!System.Text.RegularExpressions.Regex.IsMatch(Version ?? "", @"^\d+\.\d+\.\d+$"))
            errors.Add($"{Section}:Version must look like 1.0.0.");
        return errors;
    }
}
