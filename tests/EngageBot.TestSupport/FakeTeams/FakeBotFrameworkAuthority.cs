using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace EngageBot.TestSupport.FakeTeams;

/// <summary>
/// The Bot Connector's token side on loopback: OpenID metadata at /v1/.well-known/openidconfiguration and a JWKS whose
/// keys carry "endorsements" (default ["msteams"]), plus a minter for channel tokens signed with those keys.
/// Rotate() replaces the published key, as Microsoft does without notice.
/// </summary>
public sealed class FakeBotFrameworkAuthority : LoopbackServer
{
    public const string Issuer = "https://api.botframework.com";
    private readonly Lock _gate = new();
    private readonly List<(RsaSecurityKey Key, string[] Endorsements)> _published = [];
    private int _metadataRequests;

    private FakeBotFrameworkAuthority() { }

    public string MetadataUrl => new Uri(BaseAddress, "v1/.well-known/openidconfiguration").ToString();

    /// <summary>The msteams-endorsed key tokens are minted with (the first one, or the one Rotate published).</summary>
    public RsaSecurityKey CurrentKey { get; private set; } = null!;

    public int MetadataRequests => Volatile.Read(ref _metadataRequests);

    public static async Task<FakeBotFrameworkAuthority> StartAsync(params string[] endorsements)
    {
        var authority = new FakeBotFrameworkAuthority();
        authority.CurrentKey = NewKey();
        authority.Publish(authority.CurrentKey, endorsements.Length == 0 ? ["msteams"] : endorsements);
        await authority.StartServerAsync();
        return authority;
    }

    public static RsaSecurityKey NewKey() => new(RSA.Create(2048)) { KeyId = Guid.NewGuid().ToString("N") };

    /// <summary>Publishes one more key (minting still uses <see cref="CurrentKey"/> unless told otherwise).</summary>
    public void Publish(RsaSecurityKey key, params string[] endorsements)
    {
        lock (_gate) _published.Add((key, endorsements));
    }

    /// <summary>Replaces every published key with a new one, endorsed for msteams.</summary>
    public RsaSecurityKey Rotate()
    {
        var key = NewKey();
        lock (_gate)
        {
            _published.Clear();
            _published.Add((key, ["msteams"]));
            CurrentKey = key;
        }
        return key;
    }

    /// <summary>A channel token like the Bot Connector's: iss api.botframework.com, aud app id, serviceurl claim, RS256.</summary>
    public string MintToken(string appId, string serviceUrl, Action<SecurityTokenDescriptor>? customize = null, SecurityKey? signingKey = null, string algorithm = SecurityAlgorithms.RsaSha256)
    {
        var now = DateTime.UtcNow;
        var descriptor = new SecurityTokenDescriptor
        {
            Issuer = Issuer,
            Audience = appId,
            IssuedAt = now.AddMinutes(-1),
            NotBefore = now.AddMinutes(-1),
            Expires = now.AddMinutes(60),
            Claims = new Dictionary<string, object> { ["serviceurl"] = serviceUrl },
            SigningCredentials = new SigningCredentials(signingKey ?? CurrentKey, algorithm),
        };
        customize?.Invoke(descriptor);
        return new JsonWebTokenHandler { SetDefaultTimesOnTokenCreation = false }.CreateToken(descriptor);
    }

    /// <summary>An unsigned token (alg "none"), which must never be accepted.</summary>
    public static string MintUnsigned(string appId, string serviceUrl)
    {
        static string B64(string json) => Base64UrlEncoder.Encode(Encoding.UTF8.GetBytes(json));
        var exp = DateTimeOffset.UtcNow.AddHours(1).ToUnixTimeSeconds();
        var payload = new JsonObject { ["iss"] = Issuer, ["aud"] = appId, ["exp"] = exp, ["serviceurl"] = serviceUrl }.ToJsonString();
        return $"{B64("{\"alg\":\"none\",\"typ\":\"JWT\"}")}.{B64(payload)}.";
    }

    protected override void Map(WebApplication app)
    {
        app.MapGet("/v1/.well-known/openidconfiguration", () =>
        {
            Interlocked.Increment(ref _metadataRequests);
            return Results.Json(new JsonObject
            {
                ["issuer"] = Issuer,
                ["authorization_endpoint"] = "https://invalid.botframework.com",
                ["jwks_uri"] = new Uri(BaseAddress, "v1/.well-known/keys").ToString(),
                ["id_token_signing_alg_values_supported"] = new JsonArray("RS256"),
                ["token_endpoint_auth_methods_supported"] = new JsonArray("private_key_jwt"),
            });
        });
        app.MapGet("/v1/.well-known/keys", () =>
        {
            JsonArray keys;
            lock (_gate) keys = [.. _published.Select(p => (JsonNode)Jwk(p.Key, p.Endorsements))];
            return Results.Text(new JsonObject { ["keys"] = keys }.ToJsonString(), "application/json");
        });
    }

    private static JsonObject Jwk(RsaSecurityKey key, string[] endorsements)
    {
        var parameters = key.Rsa.ExportParameters(false);
        return new JsonObject
        {
            ["kty"] = "RSA",
            ["use"] = "sig",
            ["kid"] = key.KeyId,
            ["n"] = Base64UrlEncoder.Encode(parameters.Modulus),
            ["e"] = Base64UrlEncoder.Encode(parameters.Exponent),
            ["endorsements"] = JsonSerializer.SerializeToNode(endorsements),
        };
    }
}
