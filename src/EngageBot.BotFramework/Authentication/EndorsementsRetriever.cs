using System.Text.Json;
using Microsoft.IdentityModel.Protocols;

namespace EngageBot.BotFramework.Authentication;

/// <summary>
/// Reads the JWKS named by the OpenID metadata and maps each key id to its "endorsements" (the channel ids the key
/// may sign for), as botbuilder-dotnet's EndorsementsRetriever does: JsonWebKey drops that field.
/// </summary>
public sealed class EndorsementsRetriever : IConfigurationRetriever<EndorsementMap>
{
    public async Task<EndorsementMap> GetConfigurationAsync(string address, IDocumentRetriever retriever, CancellationToken cancel)
    {
        using var metadata = JsonDocument.Parse(await retriever.GetDocumentAsync(address, cancel));
        var jwksUri = metadata.RootElement.TryGetProperty("jwks_uri", out var uri) && uri.ValueKind == JsonValueKind.String
            ? uri.GetString()!
            : throw new InvalidOperationException("OpenID metadata has no jwks_uri.");
        using var jwks = JsonDocument.Parse(await retriever.GetDocumentAsync(jwksUri, cancel));
        var map = new Dictionary<string, IReadOnlySet<string>>(StringComparer.Ordinal);
        if (!jwks.RootElement.TryGetProperty("keys", out var keys) || keys.ValueKind != JsonValueKind.Array)
            return new EndorsementMap(map);
        foreach (var key in keys.EnumerateArray())
        {
            if (!key.TryGetProperty("kid", out var kid) || kid.GetString() is not { } id)
                continue;
            var endorsements = key.TryGetProperty("endorsements", out var e) && e.ValueKind == JsonValueKind.Array
                ? e.EnumerateArray().Select(x => x.GetString()).OfType<string>().ToHashSet(StringComparer.Ordinal)
                : [];
            map[id] = endorsements;
        }
        return new EndorsementMap(map);
    }
}

/// <summary>Key id → channel ids the key is endorsed for.</summary>
public sealed record EndorsementMap(IReadOnlyDictionary<string, IReadOnlySet<string>> ByKeyId);
