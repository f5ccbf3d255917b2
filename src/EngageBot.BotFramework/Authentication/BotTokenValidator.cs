using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Protocols;
using Microsoft.IdentityModel.Protocols.OpenIdConnect;
using Microsoft.IdentityModel.Tokens;

namespace EngageBot.BotFramework.Authentication;

/// <summary>
/// Validates the Bot Connector's JWT on inbound activities the way botbuilder-dotnet's ChannelValidation and
/// JwtTokenExtractor do (bot-framework-rest-connector-authentication.md): Bearer scheme, issuer
/// https://api.botframework.com, audience = app id, lifetime with 5 minutes of skew, RS256/384/512 signature
/// with a key from the OpenID metadata, key endorsed for the activity's channel, serviceurl claim = activity serviceUrl.
/// Status mapping: a missing, malformed or invalid token is 401 (the SDK throws UnauthorizedAccessException);
/// a genuine token that may not speak for this activity (endorsement, serviceUrl) is 403, as the doc's
/// endorsement rule says.
/// </summary>
public sealed class BotTokenValidator
{
    private readonly BotTokenValidatorOptions _options;
    private readonly ConfigurationManager<OpenIdConnectConfiguration> _openIdMetadata;
    private readonly ConfigurationManager<EndorsementMap> _endorsements;
    private readonly JsonWebTokenHandler _handler = new() { MapInboundClaims = false };
    private readonly TimeProvider _time;
    private readonly Lock _refreshGate = new();
    private DateTimeOffset _lastForcedRefresh = DateTimeOffset.MinValue;

    public BotTokenValidator(BotTokenValidatorOptions options, HttpClient httpClient, TimeProvider? time = null)
    {
        _options = options;
        _time = time ?? TimeProvider.System;
        // Plain http only for loopback test servers; the real metadata is https.
        var metadataUri = new Uri(options.OpenIdMetadataUrl);
        var documents = new HttpDocumentRetriever(httpClient) { RequireHttps = !metadataUri.IsLoopback };
        _openIdMetadata = new(options.OpenIdMetadataUrl, new OpenIdConnectConfigurationRetriever(), documents)
        {
            AutomaticRefreshInterval = options.AutomaticRefreshInterval,
            RefreshInterval = options.RefreshInterval,
        };
        _endorsements = new(options.OpenIdMetadataUrl, new EndorsementsRetriever(), documents)
        {
            AutomaticRefreshInterval = options.AutomaticRefreshInterval,
            RefreshInterval = options.RefreshInterval,
        };
    }

    /// <summary>Both steps at once, for callers that have the activity already: <see cref="AuthenticateAsync"/>, then <see cref="AuthorizeAsync"/>.</summary>
    public async Task<TokenValidationOutcome> ValidateAsync(string? authorizationHeader, string channelId, string serviceUrl, CancellationToken cancellationToken = default)
    {
        var token = await AuthenticateAsync(authorizationHeader, cancellationToken);
        return token.IsValid ? await AuthorizeAsync(token, channelId, serviceUrl, cancellationToken) : token;
    }

    /// <summary>
    /// Step 1, from the header alone: a genuine, current Bot Connector token for this bot (401 otherwise). Endpoints
    /// run it before reading the body, so an unauthenticated caller cannot make us buffer anything.
    /// </summary>
    public async Task<TokenValidationOutcome> AuthenticateAsync(string? authorizationHeader, CancellationToken cancellationToken = default)
    {
        try
        {
            return await AuthenticateCoreAsync(authorizationHeader, cancellationToken);
        }
        catch (InvalidOperationException e) when (e.Message.StartsWith("IDX", StringComparison.Ordinal))
        {
            return KeysUnavailable(e);
        }
    }

    /// <summary>Step 2, with the activity: the authenticated token may speak for this channel and service URL (403 otherwise).</summary>
    public async Task<TokenValidationOutcome> AuthorizeAsync(TokenValidationOutcome authenticated, string channelId, string serviceUrl, CancellationToken cancellationToken = default)
    {
        if (!authenticated.IsValid) return authenticated;
        EndorsementMap endorsements;
        try { endorsements = await _endorsements.GetConfigurationAsync(cancellationToken); }
        catch (InvalidOperationException e) when (e.Message.StartsWith("IDX", StringComparison.Ordinal)) { return KeysUnavailable(e); }
        if (authenticated.KeyId is not { } kid || !endorsements.ByKeyId.TryGetValue(kid, out var endorsed) || !endorsed.Contains(channelId))
            return TokenValidationOutcome.Forbidden($"signing key is not endorsed for channel '{channelId}'");

        var serviceUrlClaim = authenticated.Identity?.FindFirst(AuthenticationConstants.ServiceUrlClaim)?.Value;
        if (string.IsNullOrEmpty(serviceUrlClaim) || !string.Equals(serviceUrlClaim, serviceUrl, StringComparison.OrdinalIgnoreCase))
            return TokenValidationOutcome.Forbidden("serviceurl claim does not match the activity's serviceUrl");

        return authenticated;
    }

    // ConfigurationManager could not fetch the metadata or keys (IDX20803/IDX10000-range messages).
    private static TokenValidationOutcome KeysUnavailable(InvalidOperationException e) =>
        new(TokenValidationStatus.KeysUnavailable, "signing keys unavailable: " + e.Message.Split('.')[0]);

    private async Task<TokenValidationOutcome> AuthenticateCoreAsync(string? authorizationHeader, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(authorizationHeader))
            return TokenValidationOutcome.Unauthorized("no Authorization header");
        var parts = authorizationHeader.Trim().Split(' ', 2, StringSplitOptions.RemoveEmptyEntries);
        if (parts.Length != 2 || !parts[0].Equals("Bearer", StringComparison.OrdinalIgnoreCase))
            return TokenValidationOutcome.Unauthorized("Authorization scheme is not Bearer");
        var token = parts[1];
        if (!_handler.CanReadToken(token))
            return TokenValidationOutcome.Unauthorized("token is not a well-formed JWT");

        JsonWebToken jwt;
        try { jwt = _handler.ReadJsonWebToken(token); }
        catch (ArgumentException) { return TokenValidationOutcome.Unauthorized("token is not a well-formed JWT"); }
        if (!AuthenticationConstants.AllowedSigningAlgorithms.Contains(jwt.Alg))
            return TokenValidationOutcome.Unauthorized($"signing algorithm '{jwt.Alg}' is not allowed");

        var metadata = await _openIdMetadata.GetConfigurationAsync(cancellationToken);
        if (jwt.Kid is { Length: > 0 } kid && !HasKey(metadata, kid))
            metadata = await RefreshForUnknownKeyAsync(metadata, kid, cancellationToken);

        var result = await _handler.ValidateTokenAsync(token, Parameters(metadata));
        if (!result.IsValid)
            return TokenValidationOutcome.Unauthorized($"token rejected: {result.Exception?.GetType().Name ?? "invalid"}");
        return new TokenValidationOutcome(TokenValidationStatus.Valid, "ok", result.ClaimsIdentity) { KeyId = jwt.Kid };
    }

    private TokenValidationParameters Parameters(OpenIdConnectConfiguration metadata) => new()
    {
        ValidIssuer = AuthenticationConstants.ToBotFromChannelTokenIssuer,
        ValidAudience = _options.AppId,
        ValidateIssuer = true,
        ValidateAudience = true,
        ValidateLifetime = true,
        RequireExpirationTime = true,
        RequireSignedTokens = true,
        ValidateIssuerSigningKey = true,
        ClockSkew = AuthenticationConstants.ClockSkew,
        IssuerSigningKeys = metadata.SigningKeys,
        ValidAlgorithms = AuthenticationConstants.AllowedSigningAlgorithms,
        LifetimeValidator = ValidateLifetime,
    };

    // The handler's default lifetime check reads the wall clock; this one honours the injected TimeProvider.
    private bool ValidateLifetime(DateTime? notBefore, DateTime? expires, SecurityToken token, TokenValidationParameters parameters)
    {
        var now = _time.GetUtcNow().UtcDateTime;
        if (expires is null || now > expires.Value.ToUniversalTime() + parameters.ClockSkew)
            return false;
        return notBefore is null || now >= notBefore.Value.ToUniversalTime() - parameters.ClockSkew;
    }

    private static bool HasKey(OpenIdConnectConfiguration metadata, string kid) =>
        metadata.SigningKeys.Any(k => string.Equals(k.KeyId, kid, StringComparison.Ordinal));

    /// <summary>
    /// Keys rotate without notice, so an unknown kid forces one refresh of keys and endorsements, at most once per
    /// RefreshInterval: a flood of forged kids costs one metadata fetch, not one per request.
    /// </summary>
    private async Task<OpenIdConnectConfiguration> RefreshForUnknownKeyAsync(OpenIdConnectConfiguration current, string kid, CancellationToken cancellationToken)
    {
        lock (_refreshGate)
        {
            var now = _time.GetUtcNow();
            if (now - _lastForcedRefresh < _options.RefreshInterval)
                return current;
            _lastForcedRefresh = now;
        }
        _openIdMetadata.RequestRefresh();
        _endorsements.RequestRefresh();
        // IdentityModel 8 may refresh in the background after RequestRefresh; wait briefly for the new document.
        // Bounded by attempts, not the injected clock, so a frozen test clock cannot hang a request.
        var metadata = current;
        for (var attempt = 0; attempt < MaxRefreshPolls; attempt++)
        {
            metadata = await _openIdMetadata.GetConfigurationAsync(cancellationToken);
            if (HasKey(metadata, kid) || !ReferenceEquals(metadata, current))
                break;
            await Task.Delay(RefreshPollDelay, cancellationToken);
        }
        for (var attempt = 0; attempt < MaxRefreshPolls; attempt++)
        {
            if ((await _endorsements.GetConfigurationAsync(cancellationToken)).ByKeyId.ContainsKey(kid))
                break;
            await Task.Delay(RefreshPollDelay, cancellationToken);
        }
        return metadata;
    }

    private const int MaxRefreshPolls = 40;
    private static readonly TimeSpan RefreshPollDelay = TimeSpan.FromMilliseconds(50);
}
