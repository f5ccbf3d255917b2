using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace EngageBot.SlackApi.Signing;

/// <summary>
/// Checks Slack's request signature: <c>X-Slack-Signature: v0=hex(HMAC-SHA256(secret, "v0:{ts}:{raw body}"))</c>
/// with a 5-minute replay window either side of local time. Nothing passes without a configured secret.
/// </summary>
public sealed class SlackRequestVerifier(string? signingSecret, TimeProvider timeProvider)
{
    public const string SignatureHeader = "X-Slack-Signature";
    public const string TimestampHeader = "X-Slack-Request-Timestamp";

    /// <summary>Slack's documented window: a timestamp more than five minutes from now is a possible replay.</summary>
    public static readonly TimeSpan ReplayWindow = TimeSpan.FromMinutes(5);

    private const string Version = "v0";
    private readonly byte[]? _key = string.IsNullOrEmpty(signingSecret) ? null : Encoding.UTF8.GetBytes(signingSecret);

    public SlackSignatureResult Verify(string? timestamp, string? signature, ReadOnlySpan<byte> rawBody)
    {
        if (_key is null) return SlackSignatureResult.NoSecretConfigured;
        if (string.IsNullOrEmpty(timestamp) || string.IsNullOrEmpty(signature)) return SlackSignatureResult.MissingHeaders;
        if (!signature.StartsWith(Version + "=", StringComparison.Ordinal)) return SlackSignatureResult.UnknownVersion;
        if (!long.TryParse(timestamp, NumberStyles.None, CultureInfo.InvariantCulture, out var seconds)) return SlackSignatureResult.Stale;

        var now = timeProvider.GetUtcNow().ToUnixTimeSeconds();
        if (Math.Abs(now - seconds) > (long)ReplayWindow.TotalSeconds) return SlackSignatureResult.Stale;

        byte[] presented;
        try { presented = Convert.FromHexString(signature.AsSpan(Version.Length + 1)); }
        catch (FormatException) { return SlackSignatureResult.Mismatch; }

        var expected = Compute(_key, timestamp, rawBody);
        return CryptographicOperations.FixedTimeEquals(expected, presented) ? SlackSignatureResult.Valid : SlackSignatureResult.Mismatch;
    }

    /// <summary>The header value Slack would send for this body; used by clients and tests that sign requests.</summary>
    public static string Sign(string signingSecret, string timestamp, ReadOnlySpan<byte> rawBody) =>
        Version + "=" + Convert.ToHexStringLower(Compute(Encoding.UTF8.GetBytes(signingSecret), timestamp, rawBody));

    private static byte[] Compute(byte[] key, string timestamp, ReadOnlySpan<byte> rawBody)
    {
        var prefix = Encoding.UTF8.GetBytes($"{Version}:{timestamp}:");
        using var hmac = IncrementalHash.CreateHMAC(HashAlgorithmName.SHA256, key);
        hmac.AppendData(prefix);
        hmac.AppendData(rawBody);
        return hmac.GetHashAndReset();
    }
}
