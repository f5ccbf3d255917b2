using System.Security.Claims;

namespace EngageBot.BotFramework.Authentication;

public enum TokenValidationStatus { Valid, Unauthorized, Forbidden, KeysUnavailable }

/// <summary>The verdict on an inbound request. Reason is for logs (never contains the token).</summary>
public sealed record TokenValidationOutcome(TokenValidationStatus Status, string Reason, ClaimsIdentity? Identity = null)
{
    public bool IsValid => Status == TokenValidationStatus.Valid;

    /// <summary>The signing key of an authenticated token, for the endorsement check once the activity is read.</summary>
    internal string? KeyId { get; init; }

    /// <summary>
    /// 401 for a missing or invalid token, 403 for a valid token that may not speak for this activity, 503 when the
    /// signing keys cannot be fetched (the Connector retries; a 401 would drop the activity).
    /// </summary>
    public int HttpStatus => Status switch
    {
        TokenValidationStatus.Valid => 200,
        TokenValidationStatus.Forbidden => 403,
        TokenValidationStatus.KeysUnavailable => 503,
        _ => 401,
    };

    internal static TokenValidationOutcome Unauthorized(string reason) => new(TokenValidationStatus.Unauthorized, reason);
    internal static TokenValidationOutcome Forbidden(string reason) => new(TokenValidationStatus.Forbidden, reason);
}
