using System.ComponentModel.DataAnnotations;

namespace EngageBot.Channels.Slack;

/// <summary>Bound from EngageBot:Slack (env: EngageBot__Slack__...). Slack is on as soon as a token or the signing secret is set.</summary>
public sealed class SlackOptions : IValidatableObject
{
    public const string Section = "EngageBot:Slack";

    /// <summary>Bot token (xoxb-…) for the Web API.</summary>
    public string? BotToken { get; set; }

    /// <summary>Signs every HTTP request Slack sends us; without it every request is refused.</summary>
    public string? SigningSecret { get; set; }

    public string ApiBaseUrl { get; set; } = "https://slack.com/api/";

    /// <summary>App-level token (xapp-…, scope connections:write), needed for Socket Mode only.</summary>
    public string? AppToken { get; set; }

    /// <summary>Receive events over Socket Mode instead of public HTTP endpoints (development, firewalled hosts).</summary>
    public bool UseSocketMode { get; set; }

    /// <summary>Our bot's user id (U…); learned from auth.test (or each event's authorizations) when not set.</summary>
    public string? BotUserId { get; set; }

    /// <summary>
    /// Our workspace (T…): its members (not its guests) are internal. When not set, auth.test on the bot token tells it
    /// at start-up; it is never taken from a request, and Slack requests are refused until it is known.
    /// </summary>
    public string? TeamId { get; set; }

    public bool Enabled => !string.IsNullOrWhiteSpace(BotToken) || !string.IsNullOrWhiteSpace(SigningSecret) || UseSocketMode;

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (!Enabled) yield break;
        if (string.IsNullOrWhiteSpace(BotToken))
            yield return new($"{Section}:BotToken is required when {Section}:{(UseSocketMode ? "UseSocketMode" : "SigningSecret")} is set.");
        if (!UseSocketMode && string.IsNullOrWhiteSpace(SigningSecret))
            yield return new($"{Section}:SigningSecret is required when {Section}:BotToken is set (or set {Section}:UseSocketMode).");
        if (UseSocketMode && string.IsNullOrWhiteSpace(AppToken))
            yield return new($"{Section}:AppToken (an app-level xapp- token) is required when {Section}:UseSocketMode is true.");
        if (!Uri.TryCreate(ApiBaseUrl, UriKind.Absolute, out var uri) || uri.Scheme is not ("https" or "http"))
            yield return new($"{Section}:ApiBaseUrl must be an absolute http(s) URL.");
    }
}
