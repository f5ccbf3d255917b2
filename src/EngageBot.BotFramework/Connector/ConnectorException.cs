using System.Net;

namespace EngageBot.BotFramework.Connector;

/// <summary>
/// A failed Connector call, with the HTTP status and the Teams error code from {"error":{"code","message"}}
/// (e.g. 403 ConversationBlockedByUser, 404 ConversationNotFound, 429 Throttled). Status 0 means no response (network).
/// </summary>
public sealed class ConnectorException(HttpStatusCode statusCode, string? errorCode, string message, TimeSpan? retryAfter = null, Exception? inner = null)
    : Exception(message, inner)
{
    public HttpStatusCode StatusCode { get; } = statusCode;
    public string? ErrorCode { get; } = errorCode;
    public TimeSpan? RetryAfter { get; } = retryAfter;

    /// <summary>Teams' rate-limit guidance: retry 429, 412, 502, 503 and 504 (after Retry-After when given), and network failures.</summary>
    public bool IsRetryable => (int)StatusCode is 0 or 429 or 412 or 502 or 503 or 504;
}
