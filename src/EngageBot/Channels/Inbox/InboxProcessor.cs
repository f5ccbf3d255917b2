using System.Diagnostics;
using System.Text.Json;
using EngageBot.Hosting.Telemetry;
using Microsoft.Extensions.Options;

namespace EngageBot.Channels.Inbox;

/// <summary>
/// Hands every accepted event to the interaction log and then to each <see cref="IChatEventHandler"/>, one event
/// at a time per conversation in platform time order, conversations in parallel. Wakes at once on a local accept and
/// polls for the rest. An event is claimed with a lease (ETag update) so instances never handle it concurrently;
/// a failure is retried with exponential backoff, skipping the steps that already succeeded, and parked after
/// MaxAttempts. A failing event holds back later events of its conversation until then, to keep their order.
/// </summary>
internal sealed class InboxProcessor(
    InboxStore store,
    InboxSignal signal,
    IEnumerable<IChatEventHandler> handlers,
    InboundInteractionRecorder recorder,
    IntakePriority priority,
    IOptions<InboxOptions> options,
    TimeProvider time,
    ILogger<InboxProcessor> logger) : BackgroundService
{
    private const string AuditStep = "interaction-log";

    /// <summary>Queued events read per page; conversations among them are handled in parallel, each in order.</summary>
    internal int PassSize { get; init; } = 1000;
    private static readonly TimeSpan PurgeInterval = TimeSpan.FromHours(1);
    private readonly IReadOnlyList<IChatEventHandler> _handlers = handlers.ToList();
    private readonly InboxOptions _options = options.Value;
    private DateTimeOffset _lastPurge = DateTimeOffset.MinValue;
    private bool _migrated;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!recorder.Enabled)
            logger.LogWarning("No IInteractionLog is registered: inbound events are handled but not recorded in the interaction log.");
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await RunOnceAsync(stoppingToken);
                await signal.WaitAsync(_options.PollInterval, stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                break;
            }
            catch (Exception e)
            {
                // Storage hiccups must not kill the loop: log and try again on the next poll.
                logger.LogError(e, "Inbox pass failed; retrying after {PollInterval}.", _options.PollInterval);
                await signal.WaitAsync(_options.PollInterval, stoppingToken).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
            }
        }
    }

    /// <summary>Handles every queued event that is due, conversations in parallel; returns how many were handled or parked.</summary>
    public async Task<int> RunOnceAsync(CancellationToken cancellationToken)
    {
        if (!_migrated)
        {
            var moved = await store.MigrateLegacyAsync(time.GetUtcNow(), cancellationToken);
            if (moved > 0)
                logger.LogInformation("Moved {Count} queued events from the previous inbox layout.", moved);
            _migrated = true;
        }
        var handled = 0;
        // Page through the whole queue: a conversation stuck behind a failing event must not hide the others behind it.
        var blocked = new System.Collections.Concurrent.ConcurrentDictionary<string, bool>(StringComparer.Ordinal);
        string? after = null;
        while (true)
        {
            var page = await store.QueuedAsync(PassSize, cancellationToken, after);
            if (page.Count == 0)
                break;
            var conversations = page.Where(e => !blocked.ContainsKey(e.Conversation))
                .GroupBy(e => e.Conversation, StringComparer.Ordinal).Select(g => g.ToList()).ToList();
            await Parallel.ForEachAsync(conversations, new ParallelOptions { MaxDegreeOfParallelism = _options.MaxConcurrency, CancellationToken = cancellationToken },
                async (events, ct) =>
                {
                    var (count, stopped) = await DrainAsync(events, ct);
                    Interlocked.Add(ref handled, count);
                    if (stopped)
                        blocked[events[0].Conversation] = true;
                });
            if (page.Count < PassSize)
                break;
            after = page[^1].RowKey;
        }
        await PurgeDoneMarkersAsync(cancellationToken);
        return handled;
    }

    /// <summary>
    /// One conversation's queued events in order, until one is not due or fails (stopped): later events of the
    /// conversation wait for it, to keep order.
    /// </summary>
    private async Task<(int Handled, bool Stopped)> DrainAsync(List<InboxEntry> events, CancellationToken cancellationToken)
    {
        var handled = 0;
        foreach (var entry in events)
        {
            await priority.YieldAsync(cancellationToken);
            var now = time.GetUtcNow();
            // Another instance holds it, or it is backing off.
            if (entry.LeaseUntil > now || entry.NextAttemptAt > now)
                return (handled, true);
            var claimed = await store.TryClaimAsync(entry, now + _options.LeaseDuration, cancellationToken);
            if (claimed is null || !await HandleAsync(claimed, cancellationToken))
                return (handled, true);
            handled++;
        }
        return (handled, false);
    }

    /// <summary>Expired done markers go at most hourly (at start, then on the first pass of each hour).</summary>
    private async Task PurgeDoneMarkersAsync(CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        if (now - _lastPurge < PurgeInterval && now >= _lastPurge)
            return;
        _lastPurge = now;
        var purged = await store.PurgeDoneAsync(now - _options.DoneRetention, cancellationToken);
        if (purged > 0)
            logger.LogDebug("Purged {Count} expired done markers.", purged);
    }

    /// <summary>False when the event failed and waits for a retry (so later events of its conversation wait too).</summary>
    private async Task<bool> HandleAsync(InboxEntry entry, CancellationToken cancellationToken)
    {
        using var activity = EngageBotTelemetry.StartFrom("inbox handle", ActivityKind.Consumer, entry.TraceParent)
            ?.SetTag("engagebot.event_type", entry.EventType).SetTag("engagebot.attempt", entry.Attempts);
        if (await store.IsDoneAsync(entry, cancellationToken))
        {
            logger.LogDebug("Inbox event {DedupKey} was redelivered after it was handled; dropped.", entry.DedupKey);
            await store.CompleteAsync(entry, time.GetUtcNow(), CancellationToken.None);
            EngageBotMetrics.EventHandled(entry.EventType, "redelivered", TimeSpan.Zero);
            return true;
        }
        ChatEvent chatEvent;
        try
        {
            chatEvent = ChatEventJson.Deserialize(entry.Payload);
        }
        catch (Exception e) when (e is JsonException or NotSupportedException)
        {
            logger.LogError(e, "Inbox event {DedupKey} ({EventType}) cannot be read; parked.", entry.DedupKey, entry.EventType);
            await store.ParkAsync(entry, $"Unreadable payload: {e.Message}", time.GetUtcNow(), CancellationToken.None);
            return true;
        }

        var done = entry.StepsDone.ToList();
        try
        {
            if (!done.Contains(AuditStep))
            {
                await recorder.RecordAsync(chatEvent, cancellationToken);
                done.Add(AuditStep);
            }
            foreach (var handler in _handlers)
            {
                var step = handler.GetType().FullName ?? handler.GetType().Name;
                if (done.Contains(step))
                    continue;
                await handler.HandleAsync(chatEvent, cancellationToken);
                done.Add(step);
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // Shutting down: release the event for the next run, keeping what already succeeded and this attempt uncounted.
            await store.RetryLaterAsync(entry with { Attempts = entry.Attempts - 1 }, time.GetUtcNow(), entry.LastError, done, CancellationToken.None);
            throw;
        }
        catch (Exception e)
        {
            return await FailAsync(entry, done, e);
        }

        EngageBotMetrics.EventHandled(entry.EventType, "handled", time.GetUtcNow() - entry.AcceptedAt);
        if (!await store.CompleteAsync(entry, time.GetUtcNow(), CancellationToken.None))
            logger.LogWarning("Inbox event {DedupKey} was taken over by another instance after its lease expired; it may be handled twice.", entry.DedupKey);
        return true;
    }

    /// <summary>Parks the event after its last attempt (true: the conversation moves on), else schedules a retry (false).</summary>
    private async Task<bool> FailAsync(InboxEntry entry, IReadOnlyList<string> done, Exception e)
    {
        var now = time.GetUtcNow();
        var error = $"{e.GetType().Name}: {e.Message}";
        if (entry.Attempts >= _options.MaxAttempts)
        {
            logger.LogError(e, "Inbox event {DedupKey} ({EventType}) failed {Attempts} times; parked.", entry.DedupKey, entry.EventType, entry.Attempts);
            await store.ParkAsync(entry, e.ToString(), now, CancellationToken.None);
            EngageBotMetrics.EventHandled(entry.EventType, "parked", TimeSpan.Zero);
            return true;
        }
        var delay = TimeSpan.FromTicks(Math.Min(_options.MaxRetryDelay.Ticks, _options.RetryDelay.Ticks * (1L << Math.Min(entry.Attempts - 1, 20))));
        logger.LogWarning(e, "Inbox event {DedupKey} ({EventType}) failed attempt {Attempts}; retrying in {Delay}.", entry.DedupKey, entry.EventType, entry.Attempts, delay);
        await store.RetryLaterAsync(entry, now + delay, error, done, CancellationToken.None);
        EngageBotMetrics.EventHandled(entry.EventType, "retry", TimeSpan.Zero);
        return false;
    }
}
