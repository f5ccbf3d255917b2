using System.Security.Cryptography;

namespace EngageBot.Features.Tickets.Lifecycle;

/// <summary>Short ids people can type in commands ("TKT-7K3QX9"): Crockford base32, no look-alike letters.</summary>
public static class TicketIds
{
    private const string Alphabet = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";

    public static string New() => "TKT-" + string.Create(6, 0, (span, _) =>
    {
        for (var i = 0; i < span.Length; i++) span[i] = Alphabet[RandomNumberGenerator.GetInt32(Alphabet.Length)];
    });

    /// <summary>Accepts "tkt-7k3qx9", "7K3QX9" or "#TKT-7K3QX9".</summary>
    public static string Normalize(string typed)
    {
        var id = typed.Trim().TrimStart('#').ToUpperInvariant();
        return id.StartsWith("TKT-", StringComparison.Ordinal) ? id : "TKT-" + id;
    }
}
