using System.Text;
using EngageBot.SlackApi.Signing;
using Microsoft.AspNetCore.WebUtilities;

namespace EngageBot.Channels.Slack;

/// <summary>
/// The raw body of a Slack request, read whole before anything parses it (the signature covers the exact bytes),
/// and verified before anything else looks at it.
/// </summary>
public sealed class SlackSignedRequest
{
    /// <summary>Slack's payloads are a few KB; a modal with many inputs stays far below this.</summary>
    private const int MaxBodyBytes = 1024 * 1024;

    private SlackSignedRequest(byte[] body, bool isSslCheck = false) => (Body, IsSslCheck) = (body, isSslCheck);

    public byte[] Body { get; }

    /// <summary>Slack's unsigned SSL probe (<c>ssl_check=1</c>) to a form URL: answer 200 and do nothing else.</summary>
    public bool IsSslCheck { get; }

    public string Text => Encoding.UTF8.GetString(Body);

    public Dictionary<string, string> Form() =>
        QueryHelpers.ParseQuery(Text).ToDictionary(p => p.Key, p => p.Value.ToString(), StringComparer.Ordinal);

    /// <summary>The request if its signature holds; otherwise null after a warning (reason only, never the body or headers).</summary>
    public static async Task<SlackSignedRequest?> ReadAsync(HttpContext http, SlackRequestVerifier verifier, ILogger logger, bool allowSslCheck = false)
    {
        var body = await RequestBody.ReadAsync(http.Request, MaxBodyBytes, http.RequestAborted);
        if (body is null)
        {
            logger.LogWarning("Rejected Slack request to {Path}: body larger than {Max} bytes", http.Request.Path, MaxBodyBytes);
            return null;
        }
        var result = verifier.Verify(http.Request.Headers[SlackRequestVerifier.TimestampHeader], http.Request.Headers[SlackRequestVerifier.SignatureHeader], body);
        if (result == SlackSignatureResult.Valid) return new SlackSignedRequest(body);
        var request = new SlackSignedRequest(body, isSslCheck: true);
        if (allowSslCheck && http.Request.HasFormContentType && request.Form().GetValueOrDefault("ssl_check") == "1") return request;
        logger.LogWarning("Rejected Slack request to {Path}: signature {Result}", http.Request.Path, result);
        return null;
    }
}
