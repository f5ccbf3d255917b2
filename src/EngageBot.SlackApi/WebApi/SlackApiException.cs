namespace EngageBot.SlackApi.WebApi;

/// <summary>A Web API call answered <c>{"ok":false,"error":"…"}</c>; <see cref="Error"/> is Slack's error code.</summary>
public class SlackApiException(string method, string error, string? detail = null)
    : Exception($"Slack {method} failed: {error}{(detail is null ? "" : $" ({detail})")}")
{
    public string Method { get; } = method;
    public string Error { get; } = error;
}

/// <summary>HTTP 429: Slack asks us to wait <see cref="RetryAfter"/> before calling the method again.</summary>
public sealed class SlackRateLimitedException(string method, TimeSpan retryAfter)
    : SlackApiException(method, "ratelimited", $"retry after {retryAfter.TotalSeconds:0}s")
{
    public TimeSpan RetryAfter { get; } = retryAfter;
}
