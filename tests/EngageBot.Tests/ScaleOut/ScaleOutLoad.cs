using System.Globalization;
using System.Net;
using EngageBot.Tests.Slack;
using EngageBot.TestSupport;

namespace EngageBot.Tests.ScaleOut;

/// <summary>One Slack Events API delivery the scale-out test sends: a partner-side top-level message in a shared channel.</summary>
public sealed record ScaleOutEvent(string EventId, int Partner, string UserId, string Ts, string Text, bool IsQuestion)
{
    public string Body => SlackPayloads.Envelope(
        SlackPayloads.Message(Ts, Text, UserId, ScaleOutDirectory.PartnerTeam(Partner), channel: ScaleOutDirectory.SharedChannel(Partner)), EventId);
}

/// <summary>
/// Sends Slack events, signed with <see cref="SlackHost.SigningSecret"/>, through the proxy as Slack does: an answer other than 200 is retried with the next
/// X-Slack-Retry-Num. Remembers which instance (the proxy's backend index) acknowledged each event first.
/// </summary>
public sealed class ScaleOutLoad(HttpClient proxy)
{
    private readonly Dictionary<string, int> _firstBackend = [];

    private int _requests;

    /// <summary>Signed Slack requests sent, retries and resends included.</summary>
    public int Requests => Volatile.Read(ref _requests);

    public int FirstBackendOf(string eventId)
    {
        lock (_firstBackend) return _firstBackend[eventId];
    }

    /// <summary>The partner questions and remarks (pleasantries, statements: no ticket), interleaved across partners.</summary>
    public static List<ScaleOutEvent> Events(int partners, int questionsPerPartner, int remarksPerPartner)
    {
        var baseSeconds = DateTimeOffset.UtcNow.ToUnixTimeSeconds() - 60;
        string[] remarks = ["thanks!", "ok great", "+1", "We deployed release {0} to staging today.", "Our team finished the training module {0}."];
        var events = new List<ScaleOutEvent>();
        for (var p = 1; p <= partners; p++)
        {
            for (var q = 0; q < questionsPerPartner; q++)
                events.Add(new("", p, $"U0P{p:D2}Q{q:D3}", "", $"How do we configure single sign-on for workspace {p}-{q}?", true));
            for (var r = 0; r < remarksPerPartner; r++)
                events.Add(new("", p, $"U0P{p:D2}R{r:D3}", "", string.Format(CultureInfo.InvariantCulture, remarks[r % remarks.Length], $"{p}.{r}"), false));
        }
        var shuffled = events.OrderBy(_ => Random.Shared.Next()).ToList();
        return shuffled.Select((e, i) => e with { EventId = $"Ev{i:D8}", Ts = $"{baseSeconds}.{i:D6}" }).ToList();
    }

    /// <summary>Delivers <paramref name="e"/> until an instance acknowledges it; returns the backend that did.</summary>
    public async Task<int> DeliverAsync(ScaleOutEvent e, int? retryNum = null)
    {
        for (var attempt = 0; ; attempt++)
        {
            var retry = retryNum is null && attempt == 0 ? (int?)null : (retryNum ?? 0) + attempt;
            using var response = await SendAsync(e.Body, retry);
            var backend = BackendOf(response);
            if (response.StatusCode == HttpStatusCode.OK)
            {
                lock (_firstBackend) _firstBackend.TryAdd(e.EventId, backend);
                return backend;
            }
            if (attempt >= 10) throw new InvalidOperationException($"event {e.EventId} not acknowledged: {(int)response.StatusCode} from backend {backend}");
            await Task.Delay(200 * (attempt + 1));
        }
    }

    /// <summary>
    /// Retries <paramref name="e"/> (X-Slack-Retry-Num 2, 3, …) until the instance that did not acknowledge the original
    /// does. Needs to be the only sender: the proxy's rotation is then known from the last answer, and a pass through
    /// /healthz turns it when the next request would go to the same instance.
    /// </summary>
    public async Task RetryOnTheOtherInstanceAsync(ScaleOutEvent e)
    {
        var other = 1 - FirstBackendOf(e.EventId);
        for (var retryNum = 2; ; retryNum++)
        {
            if (await PassAsync() == other) await PassAsync();
            using var response = await SendAsync(e.Body, retryNum);
            if (BackendOf(response) != other) throw new InvalidOperationException($"retry of {e.EventId} went to the instance that had the original");
            if (response.StatusCode == HttpStatusCode.OK) return;
            if (retryNum >= 12) throw new InvalidOperationException($"retry of {e.EventId} not acknowledged by backend {other}: {(int)response.StatusCode}");
            await Task.Delay(200);
        }
    }

    /// <summary>A request that only moves the proxy's rotation on (nothing is stored).</summary>
    public async Task<int> PassAsync()
    {
        using var response = await proxy.GetAsync("healthz");
        return BackendOf(response);
    }

    private static int BackendOf(HttpResponseMessage response) =>
        int.Parse(response.Headers.GetValues(RoundRobinProxy.BackendHeader).Single(), CultureInfo.InvariantCulture);

    private Task<HttpResponseMessage> SendAsync(string body, int? retryNum)
    {
        var request = SlackHost.Signed("api/slack/events", body, "application/json", DateTimeOffset.UtcNow);
        if (retryNum is { } n)
        {
            request.Headers.Add("X-Slack-Retry-Num", n.ToString(CultureInfo.InvariantCulture));
            request.Headers.Add("X-Slack-Retry-Reason", "http_timeout");
        }
        Interlocked.Increment(ref _requests);
        return proxy.SendAsync(request);
    }
}
