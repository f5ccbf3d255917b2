using System.Diagnostics;

namespace EngageBot.Hosting.Telemetry;

/// <summary>
/// The service's trace source. An event's trace runs HTTP request → inbox accept → (stored) → inbox handle → feature
/// → outbox enqueue → (stored) → outbox send: the W3C traceparent travels in the inbox and outbox rows, so the
/// background steps continue the request's trace even on another instance. Span tags carry ids and kinds, never
/// message text or user names.
/// </summary>
public static class EngageBotTelemetry
{
    public const string Name = "EngageBot";

    public static readonly ActivitySource Source = new(Name);

    /// <summary>The current span's traceparent, to store beside queued work; null when nothing is tracing.</summary>
    public static string? CurrentTraceParent() => Activity.Current is { IdFormat: ActivityIdFormat.W3C } a ? a.Id : null;

    /// <summary>Starts a span continuing a stored traceparent (or a new trace); null, at no cost, when nobody listens.</summary>
    public static Activity? StartFrom(string name, ActivityKind kind, string? traceParent)
    {
        if (!Source.HasListeners()) return null;
        ActivityContext.TryParse(traceParent, null, isRemote: true, out var parent);
        return Source.StartActivity(name, kind, parent);
    }
}
