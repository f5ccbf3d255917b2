using System.Diagnostics;
using System.Net;
using EngageBot.Hosting.Telemetry;
using EngageBot.Tests.EndToEnd;
using OpenTelemetry;
using OpenTelemetry.Metrics;
using OpenTelemetry.Trace;

namespace EngageBot.Tests.Hosting;

/// <summary>
/// A partner question through the real host with OpenTelemetry exporting to memory: one trace runs from the Slack
/// request through the inbox, the ticket feature and the outbox to the fake Slack call, the metrics people watch
/// move, and no span or metric carries the message text or a secret.
/// </summary>
public sealed class TelemetryTests(EndToEndWorld world) : IClassFixture<EndToEndWorld>
{
    private const string Marker = "Zanzibar-7f3a";

    [Fact]
    public async Task A_partner_question_is_one_trace_from_request_to_outbound_call_with_metrics_and_no_message_text()
    {
        var spans = new LockedCollection<Activity>();
        var metrics = new List<Metric>();
        // The service's source and meter are static, so providers built here see this test's host (and, harmlessly, others').
        using var tracer = Sdk.CreateTracerProviderBuilder()
            .AddSource(EngageBotTelemetry.Name).AddAspNetCoreInstrumentation().AddHttpClientInstrumentation().AddInMemoryExporter(spans).Build();
        using var meter = Sdk.CreateMeterProviderBuilder().AddMeter(EngageBotTelemetry.Name).AddInMemoryExporter(metrics).Build();

        const string ts = "1793619001.000100";
        var response = await world.PostSlackAsync("/api/slack/events", SlackInboundEndToEndTests.Envelope(ts, $"Could you check the {Marker} rollout?", "Ev0TELEMETRY1"));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);

        Activity? request = null;
        await EndToEndWorld.EventuallyAsync(() =>
        {
            var all = spans.Snapshot();
            request = all.FirstOrDefault(s => s.Kind == ActivityKind.Server && s.GetTagItem("url.path") as string == "/api/slack/events"
                && all.Any(h => h.OperationName == "inbox handle" && h.TraceId == s.TraceId)
                && all.Any(o => o.OperationName == "outbox send" && o.TraceId == s.TraceId));
            return Task.FromResult(request is not null);
        }, "the request, inbox and outbox spans in one trace");

        var trace = spans.Snapshot().Where(s => s.TraceId == request!.TraceId).ToList();
        var handle = trace.First(s => s.OperationName == "inbox handle");
        Assert.Equal("MessagePosted", handle.GetTagItem("engagebot.event_type"));
        Assert.Contains(trace, s => s.OperationName == "outbox send" && s.GetTagItem("engagebot.platform") as string == "Slack");
        Assert.Contains(trace, s => s.Kind == ActivityKind.Client && (s.GetTagItem("url.full") as string ?? "").Contains("chat.postMessage", StringComparison.Ordinal));

        meter.ForceFlush();
        var names = metrics.Select(m => m.Name).ToHashSet();
        foreach (var name in new[] { "engagebot.events.accepted", "engagebot.events.handled", "engagebot.inbox.lag", "engagebot.outbox.enqueued",
                     "engagebot.outbox.queue_depth", "engagebot.outbox.finished", "engagebot.tickets" })
            Assert.Contains(name, names);
        Assert.True(Sum(metrics, "engagebot.tickets", "event", "opened") >= 1);
        Assert.True(Sum(metrics, "engagebot.events.accepted", "outcome", "new") >= 1);

        var everything = new List<string>();
        foreach (var s in spans.Snapshot())
                everything.AddRange([s.DisplayName, .. s.TagObjects.Select(t => $"{t.Key}={t.Value}"), .. s.Events.Select(e => e.Name)]);
        foreach (var m in metrics)
            foreach (ref readonly var point in m.GetMetricPoints())
                foreach (var tag in point.Tags)
                    everything.Add($"{m.Name} {tag.Key}={tag.Value}");
        Assert.DoesNotContain(everything, t => t.Contains(Marker, StringComparison.Ordinal) || t.Contains("rollout", StringComparison.Ordinal));
        Assert.DoesNotContain(everything, t => t.Contains("xoxb-", StringComparison.Ordinal) || t.Contains(EndToEndHost.SigningSecret, StringComparison.Ordinal));
    }

    /// <summary>The exporter adds from the host's threads while the test reads.</summary>
    private sealed class LockedCollection<T> : System.Collections.ObjectModel.Collection<T>
    {
        protected override void InsertItem(int index, T item)
        {
            lock (this) base.InsertItem(index, item);
        }

        public List<T> Snapshot()
        {
            lock (this) return [.. this];
        }
    }

    private static long Sum(List<Metric> metrics, string name, string tag, string value)
    {
        long total = 0;
        foreach (var m in metrics.Where(m => m.Name == name))
            foreach (ref readonly var point in m.GetMetricPoints())
            {
                var matches = false;
                foreach (var t in point.Tags)
                    matches |= t.Key == tag && Equals(t.Value, value);
                if (matches) total = Math.Max(total, point.GetSumLong());
            }
        return total;
    }
}
