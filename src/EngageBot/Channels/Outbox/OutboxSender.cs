using Microsoft.Extensions.Options;

namespace EngageBot.Channels.Outbox;

/// <summary>
/// Drives the queues: one worker per pacing key at a time (so order holds), up to MaxConcurrency keys in parallel.
/// A worker sends while its key's pacing allows, then returns its slot and names the time to come back, so a
/// throttled or paused key never holds up the others. Wakes on a local enqueue, on a worker's return, at the
/// earliest due time, and polls the work markers for queues from other instances or from before a restart.
/// On stop, sends already started run to completion so their outcome is recorded.
/// </summary>
internal sealed class OutboxSender(
    OutboxStore store,
    OutboxDelivery delivery,
    OutboxSignal signal,
    OutboundInteractionRecorder recorder,
    IOptions<OutboxOptions> options,
    TimeProvider time,
    ILogger<OutboxSender> logger) : BackgroundService
{
    private static readonly TimeSpan ErrorPause = TimeSpan.FromSeconds(1);
    private const int ReadAhead = 8;
    private readonly OutboxOptions _options = options.Value;
    private readonly object _gate = new();
    private readonly Dictionary<string, DateTimeOffset> _due = new(StringComparer.Ordinal);
    private readonly HashSet<string> _running = new(StringComparer.Ordinal);
    private readonly HashSet<string> _renotified = new(StringComparer.Ordinal);
    private readonly List<Task> _workers = [];

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!recorder.Enabled)
            logger.LogWarning("No IInteractionLog is registered: outbound messages are delivered but not recorded in the interaction log.");
        var nextScan = DateTimeOffset.MinValue;
        try
        {
            while (!stoppingToken.IsCancellationRequested)
            {
                var now = time.GetUtcNow();
                if (now >= nextScan)
                {
                    await ScanAsync(now, stoppingToken);
                    nextScan = now + _options.PollInterval;
                }
                foreach (var queue in signal.Drain())
                    Wake(queue, now, force: true);
                var nextDue = StartDue(now, stoppingToken);
                var wake = nextDue < nextScan ? nextDue : nextScan;
                await signal.WaitAsync(wake - time.GetUtcNow(), stoppingToken);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
        Task[] running;
        lock (_gate) running = [.. _workers];
        await Task.WhenAll(running);
    }

    private async Task ScanAsync(DateTimeOffset now, CancellationToken stoppingToken)
    {
        try
        {
            foreach (var marker in await store.MarkersAsync(stoppingToken))
                Wake(marker.Partition, now, force: false);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            logger.LogError(e, "Outbox scan failed; retrying after {PollInterval}.", _options.PollInterval);
        }
    }

    /// <summary>Marks a queue due now; a queue already known keeps its time unless forced (a new message arrived).</summary>
    private void Wake(string queue, DateTimeOffset now, bool force)
    {
        lock (_gate)
        {
            if (_running.Contains(queue))
            {
                if (force)
                    _renotified.Add(queue);
            }
            else if (force || !_due.ContainsKey(queue))
            {
                _due[queue] = now;
            }
        }
    }

    /// <summary>Starts workers for due queues while slots are free; returns the earliest future due time.</summary>
    private DateTimeOffset StartDue(DateTimeOffset now, CancellationToken stoppingToken)
    {
        var next = DateTimeOffset.MaxValue;
        lock (_gate)
        {
            foreach (var (queue, due) in _due.OrderBy(d => d.Value).ToList())
            {
                if (due > now)
                {
                    next = due < next ? due : next;
                    continue;
                }
                if (_running.Count >= _options.MaxConcurrency)
                    break;
                _due.Remove(queue);
                _running.Add(queue);
                var worker = Task.Run(() => WorkAsync(queue, stoppingToken), CancellationToken.None);
                _workers.Add(worker);
            }
        }
        return next;
    }

    private async Task WorkAsync(string queue, CancellationToken stoppingToken)
    {
        var step = QueueStep.Empty;
        try
        {
            // Reads a few messages at a time and works through them while each step completes its head;
            // anything unexpected (a lost claim, a reordering) re-reads the queue.
            var batch = new Queue<OutboxEntry>();
            do
            {
                if (stoppingToken.IsCancellationRequested)
                {
                    step = QueueStep.Until(time.GetUtcNow());
                    break;
                }
                if (batch.Count == 0)
                    foreach (var e in await store.HeadAsync(queue, ReadAhead, stoppingToken))
                        batch.Enqueue(e);
                if (batch.Count == 0)
                {
                    await store.TryRemoveMarkerAsync(queue, time.GetUtcNow(), stoppingToken);
                    step = QueueStep.Empty;
                    break;
                }
                step = await delivery.SendHeadAsync(batch.Dequeue(), stoppingToken);
                if (step.Kind == QueueStepKind.Reread)
                    batch.Clear();
            }
            while (step.Kind is QueueStepKind.Continue or QueueStepKind.Reread);
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
        catch (Exception e)
        {
            logger.LogError(e, "Outbox queue {Queue} failed; retrying in {Pause}.", queue, ErrorPause);
            step = QueueStep.Until(time.GetUtcNow() + ErrorPause);
        }
        finally
        {
            lock (_gate)
            {
                _running.Remove(queue);
                if (_renotified.Remove(queue))
                    _due[queue] = time.GetUtcNow();
                else if (step.Kind == QueueStepKind.Wait)
                    _due[queue] = step.At;
                _workers.RemoveAll(t => t.IsCompleted);
            }
            signal.Pulse();
        }
    }
}
