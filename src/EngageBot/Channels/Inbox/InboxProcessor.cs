using System.Text.Json;
using Microsoft.Extensions.Options;

namespace EngageBot.Channels.Inbox;

/// <summary>
/// Hands every accepted event to the interaction log and then to each <see cref="IChatEventHandler"/>, one event
/// at a time per conversation in arrival order, conversations in parallel. Wakes at once on a local accept and
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
    private static readonly TimeSpan MarkerGrace = TimeSpan.FromMinutes(1);
    private static readonly TimeSpan PurgeInterval = TimeSpan.FromHours(1);
    private readonly System.Collections.Concurrent.ConcurrentDictionary<string, DateTimeOffset> _purged = new(StringComparer.Ordinal);
    private DateTimeOffset _lastSweep = DateTimeOffset.MinValue;
    private readonly IReadOnlyList<IChatEventHandler> _handlers = handlers.ToList();
    private readonly InboxOptions _options = options.Value;

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

    /// <summary>One pass over every conversation with queued events; returns how many events were handled or parked.</summary>
    public async Task<int> RunOnceAsync(CancellationToken cancellationToken)
    {
        var markers = new List<WorkMarker>();
        await foreach (var m in store.MarkersAsync(cancellationToken))
            markers.Add(m);
        var handled = 0;
        await Parallel.ForEachAsync(markers, new ParallelOptions { MaxDegreeOfParallelism = _options.MaxConcurrency, CancellationToken = cancellationToken },
            async (marker, ct) => Interlocked.Add(ref handled, await DrainAsync(marker, ct)));
        await SweepQuietConversationsAsync(cancellationToken);
        return handled;
    }

    /// <summary>
    /// Purges done markers of conversations that went quiet (no drain will come to purge them), at most hourly.
    /// A conversation is scheduled whenever a purge leaves markers behind.
    /// </summary>
    private async Task SweepQuietConversationsAsync(CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        if (now - _lastSweep < PurgeInterval && now >= _lastSweep)
            return;
        _lastSweep = now;
        var due = new List<ScheduledPurge>();
        await foreach (var purge in store.PurgesDueAsync(now, cancellationToken))
            due.Add(purge);
        foreach (var purge in due)
        {
            _purged[purge.Partition] = now;
            if (!await PurgeAndRescheduleAsync(purge.Partition, now, cancellationToken))
                await store.UnschedulePurgeAsync(purge, cancellationToken);
        }
    }

    private async Task<int> DrainAsync(WorkMarker marker, CancellationToken cancellationToken)
    {
        for (var handled = 0; ; handled++)
        {
            await priority.YieldAsync(cancellationToken);
            var head = await store.HeadAsync(marker.Partition, cancellationToken);
            var now = time.GetUtcNow();
            if (head is null)
            {
                await store.TryRemoveMarkerAsync(marker, now, MarkerGrace, cancellationToken);
                await PurgeDoneMarkersAsync(marker.Partition, now, cancellationToken);
                return handled;
            }
            // Another instance holds it, or it is backing off: later events of this conversation wait, to keep order.
            if (head.LeaseUntil > now || head.NextAttemptAt > now)
                return handled;
            var claimed = await store.TryClaimAsync(head, now + _options.LeaseDuration, cancellationToken);
            if (claimed is null)
                return handled;
            await HandleAsync(claimed, cancellationToken);
        }
    }

    /// <summary>Expired done markers go when their conversation drains, at most once an hour per conversation.</summary>
    private async Task PurgeDoneMarkersAsync(string partition, DateTimeOffset now, CancellationToken cancellationToken)
    {
        if (_purged.TryGetValue(partition, out var last) && now - last < PurgeInterval && now >= last)
            return;
        _purged[partition] = now;
        await PurgeAndRescheduleAsync(partition, now, cancellationToken);
    }

    /// <summary>
    /// Purges expired done markers; while younger ones remain, schedules the next purge for when the oldest of them
    /// expires (and returns true).
    /// </summary>
    private async Task<bool> PurgeAndRescheduleAsync(string partition, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var result = await store.PurgeDoneAsync(partition, now - _options.DoneRetention, cancellationToken);
        if (result.Purged > 0)
            logger.LogDebug("Purged {Count} expired done markers of {Conversation}.", result.Purged, partition);
        if (result.OldestRemaining is not { } oldest)
            return false;
        await store.SchedulePurgeAsync(partition, oldest + _options.DoneRetention, cancellationToken);
        return true;
    }

    private async Task HandleAsync(InboxEntry entry, CancellationToken cancellationToken)
    {
        if (await store.IsDoneAsync(entry, cancellationToken))
        {
            logger.LogDebug("Inbox event {DedupKey} was redelivered after it was handled; dropped.", entry.DedupKey);
            await store.CompleteAsync(entry, time.GetUtcNow(), CancellationToken.None);
            return;
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
            return;
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
            await FailAsync(entry, done, e);
            return;
        }

        if (!await store.CompleteAsync(entry, time.GetUtcNow(), CancellationToken.None))
            logger.LogWarning("Inbox event {DedupKey} was taken over by another instance after its lease expired; it may be handled twice.", entry.DedupKey);
    }

    private async Task FailAsync(InboxEntry entry, IReadOnlyList<string> done, Exception e)
    {
        var now = time.GetUtcNow();
        var error = $"{e.GetType().Name}: {e.Message}";
        if (entry.Attempts >= _options.MaxAttempts)
        {
            logger.LogError(e, "Inbox event {DedupKey} ({EventType}) failed {Attempts} times; parked.", entry.DedupKey, entry.EventType, entry.Attempts);
            await store.ParkAsync(entry, e.ToString(), now, CancellationToken.None);
            return;
        }
        var delay = TimeSpan.FromTicks(Math.Min(_options.MaxRetryDelay.Ticks, _options.RetryDelay.Ticks * (1L << Math.Min(entry.Attempts - 1, 20))));
        logger.LogWarning(e, "Inbox event {DedupKey} ({EventType}) failed attempt {Attempts}; retrying in {Delay}.", entry.DedupKey, entry.EventType, entry.Attempts, delay);
        await store.RetryLaterAsync(entry, now + delay, error, done, CancellationToken.None);
    }
}
