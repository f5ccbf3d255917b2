using System.Text.Json.Serialization;

namespace EngageBot.Features.Directory.Model;

/// <summary>A joint customer account served with one or more partners. Aliases help match it in messages.</summary>
public sealed record Customer(string Id, string Name, IReadOnlyList<string> Aliases, [property: JsonPropertyName("account_owner")] string? AccountOwnerId,
    [property: JsonPropertyName("partners")] IReadOnlyList<string> PartnerIds);
