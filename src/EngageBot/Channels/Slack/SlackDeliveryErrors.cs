using EngageBot.SlackApi.WebApi;

namespace EngageBot.Channels.Slack;

/// <summary>
/// Which Slack failures are worth retrying. Slack's error codes say whether the target or our credentials are gone
/// (permanent: record and stop) or Slack (or a proxy before it) is struggling (retry); 429 carries its own wait; transport failures retry.
/// Unknown codes are treated as permanent: resending the same bad request cannot succeed.
/// </summary>
public static class SlackDeliveryErrors
{
    private static readonly HashSet<string> Transient = new(StringComparer.Ordinal)
    {
        "ratelimited", "internal_error", "fatal_error", "service_unavailable", "request_timeout", "team_added_to_org", "timeout",
        // Not Slack's JSON (a proxy's error page, a cut-off body): the next try usually reaches Slack itself.
        SlackApiClient.InvalidResponse,
    };

    public static DeliveryException Classify(Exception e, string operation) => e switch
    {
        SlackRateLimitedException limited => new($"Slack {operation} rate limited", permanent: false, limited.RetryAfter, e),
        SlackApiException api when Transient.Contains(api.Error) => new($"Slack {operation} failed: {api.Error}", permanent: false, inner: e),
        SlackApiException api => new($"Slack {operation} failed: {api.Error}", permanent: true, inner: e),
        HttpRequestException http => new($"Slack {operation} failed: {(http.StatusCode is { } s ? $"HTTP {(int)s}" : http.Message)}", permanent: false, inner: e),
        _ => new($"Slack {operation} failed: {e.Message}", permanent: false, inner: e),
    };
}
