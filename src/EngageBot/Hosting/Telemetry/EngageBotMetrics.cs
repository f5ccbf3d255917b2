using System.Diagnostics.Metrics;
using EngageBot.Channels;

namespace EngageBot.Hosting.Telemetry;

/// <summary>
/// Every metric the service reports, in one place; features call one line each. Tags are platforms, kinds and
/// outcomes only (bounded, and never partner text). Counters are per instance; a backend sums them.
/// Request counts and ack latency come from the ASP.NET Core instrumentation (http.server.request.duration).
/// </summary>
public static class EngageBotMetrics
{
    public static readonly Meter Meter = new(EngageBotTelemetry.Name);

    private static readonly Counter<long> EventsAccepted = Meter.CreateCounter<long>("engagebot.events.accepted", "{event}", "Events stored by the inbox (outcome: new, duplicate); each is acknowledged to the platform.");
    private static readonly Counter<long> EventsHandled = Meter.CreateCounter<long>("engagebot.events.handled", "{event}", "Inbox events finished (outcome: handled, retry, parked, redelivered).");
    private static readonly Histogram<double> InboxLag = Meter.CreateHistogram<double>("engagebot.inbox.lag", "s", "From accept to handled.");
    private static readonly UpDownCounter<long> OutboxDepth = Meter.CreateUpDownCounter<long>("engagebot.outbox.queue_depth", "{message}", "Enqueued minus finished messages (summed over instances).");
    private static readonly Counter<long> OutboxEnqueued = Meter.CreateCounter<long>("engagebot.outbox.enqueued", "{message}");
    private static readonly Counter<long> OutboxFinished = Meter.CreateCounter<long>("engagebot.outbox.finished", "{message}", "Messages delivered or given up (outcome).");
    private static readonly Counter<long> OutboxThrottled = Meter.CreateCounter<long>("engagebot.outbox.throttled", "{response}", "429s from a platform.");
    private static readonly Counter<long> Tickets = Meter.CreateCounter<long>("engagebot.tickets", "{ticket}", "Ticket events (event: opened, breached).");
    private static readonly Counter<long> CheckIns = Meter.CreateCounter<long>("engagebot.checkins", "{checkin}", "Check-in events (event: sent, answered).");
    private static readonly Counter<long> Risks = Meter.CreateCounter<long>("engagebot.risks", "{risk}", "Churn-risk events (event: raised, unacknowledged = escalated for want of an acknowledgement).");

    public static void EventAccepted(ChatPlatform platform, bool isNew) =>
        EventsAccepted.Add(1, new("platform", platform.ToString()), new("outcome", isNew ? "new" : "duplicate"));

    public static void EventHandled(string eventType, string outcome, TimeSpan lag)
    {
        EventsHandled.Add(1, new("event_type", eventType), new("outcome", outcome));
        if (outcome == "handled") InboxLag.Record(Math.Max(0, lag.TotalSeconds), new KeyValuePair<string, object?>("event_type", eventType));
    }

    public static void MessageEnqueued(ChatPlatform platform)
    {
        OutboxEnqueued.Add(1, new KeyValuePair<string, object?>("platform", platform.ToString()));
        OutboxDepth.Add(1, new KeyValuePair<string, object?>("platform", platform.ToString()));
    }

    public static void MessageFinished(ChatPlatform platform, bool delivered)
    {
        OutboxFinished.Add(1, new("platform", platform.ToString()), new("outcome", delivered ? "delivered" : "failed"));
        OutboxDepth.Add(-1, new KeyValuePair<string, object?>("platform", platform.ToString()));
    }

    public static void Throttled(ChatPlatform platform) => OutboxThrottled.Add(1, new KeyValuePair<string, object?>("platform", platform.ToString()));

    public static void TicketOpened(ChatPlatform platform) => Tickets.Add(1, new("event", "opened"), new("platform", platform.ToString()));
    public static void TicketBreached(string clock) => Tickets.Add(1, new("event", "breached"), new("clock", clock));
    public static void CheckInSent() => CheckIns.Add(1, new KeyValuePair<string, object?>("event", "sent"));
    public static void CheckInAnswered() => CheckIns.Add(1, new KeyValuePair<string, object?>("event", "answered"));
    public static void RiskRaised(string kind) => Risks.Add(1, new("event", "raised"), new("kind", kind));
    public static void RiskUnacknowledged(int level) => Risks.Add(1, new("event", "unacknowledged"), new("level", level));
}
