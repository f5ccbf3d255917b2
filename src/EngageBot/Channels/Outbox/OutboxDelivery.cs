using System.Diagnostics;
using System.Text.Json;
using EngageBot.Channels.Inbox;
using EngageBot.Hosting.Telemetry;
using Microsoft.Extensions.Options;

namespace EngageBot.Channels.Outbox;

/// <summary>
/// Sends the head of one queue (pacing key), so per-key order holds: a message waiting for a retry or a 429
/// pause holds back the ones behind it. Exactly-once: the receipt must point at the message; the message is
/// claimed with a lease and an attempt id ("sending") before the platform call and the outcome recorded right
/// after. The only gap is a crash between the platform's answer and that one write: the lease then expires
/// with the attempt id still set, and <see cref="OutboxOptions.ResendUnconfirmed"/> decides.
/// </summary>
internal sealed class OutboxDelivery(
    OutboxStore store,
    PacingLimiter pacing,
    IEnumerable<IChatChannel> channels,
    OutboundInteractionRecorder recorder,
    IOptions<OutboxOptions> options,
    TimeProvider time,
    ILogger<OutboxDelivery> logger,
    IEnumerable<IConversationUnreachableHandler>? unreachableHandlers = null)
{
    /// <summary>LastError of a message waiting for the bot to be added.</summary>
    public const string AwaitingBotPrefix = "Waiting for the bot to be added: ";
    private readonly IReadOnlyList<IConversationUnreachableHandler> _unreachableHandlers = unreachableHandlers?.ToList() ?? [];
    private static readonly TimeSpan ReferenceWait = TimeSpan.FromSeconds(1);
    private static readonly TimeSpan UnknownReferenceGiveUp = TimeSpan.FromMinutes(10);
    private readonly IReadOnlyList<IChatChannel> _channels = channels.ToList();
    private readonly OutboxOptions _options = options.Value;

    /// <summary>Sends <paramref name="head"/>, its queue's first message as last read (the ETag-checked claim catches a stale read).</summary>
    public async Task<QueueStep> SendHeadAsync(OutboxEntry head, CancellationToken stoppingToken)
    {
        var now = time.GetUtcNow();
        if (head.LeaseUntil > now)
            return QueueStep.Until(head.LeaseUntil.Value);
        if (head.NextAttemptAt > now)
            return QueueStep.Until(head.NextAttemptAt.Value);

        var payload = TryRead(head.Payload);
        // The receipt is read unless this instance enqueued the message itself and has not tried it yet.
        var receipt = head.Sending || !store.IsKnownCommitted(head) ? await store.GetReceiptAsync(head.IdempotencyKey, stoppingToken) : null;
        if (receipt is null && !store.IsKnownCommitted(head))
        {
            if (now - head.EnqueuedAt < OutboxStore.CommitGrace)
                return QueueStep.Until(head.EnqueuedAt + OutboxStore.CommitGrace);
            receipt = await store.AdoptAsync(head, stoppingToken);
        }
        if (receipt is not null && !receipt.Points(head))
        {
            // A second copy from a racing (or interrupted) enqueue of the same key: the receipt's copy is the one.
            await store.RemoveAsync(head, stoppingToken);
            return QueueStep.Continue;
        }
        if (receipt is not null && receipt.State != OutboxState.Queued)
        {
            // The outcome was recorded just before a crash: finish the bookkeeping.
            if (receipt.State == OutboxState.Delivered && payload is not null)
                await AuditAsync(head, payload, receipt.Message);
            await store.RemoveAsync(head, stoppingToken);
            return QueueStep.Continue;
        }
        if (payload is null)
            return await FailAsync(head, null, "The stored message cannot be read.");
        if (head.Sending)
        {
            var repeatable = payload.Target.Kind is DeliveryKind.Update or DeliveryKind.Reaction;
            if (!repeatable && !_options.ResendUnconfirmed)
                return await FailAsync(head, payload, "Outcome unknown: the instance sending it stopped before recording the result. Check the conversation and resend if it is missing.");
            logger.LogWarning("Outbox message {Key} was being sent when its sender stopped; sending again (it may appear twice).", head.IdempotencyKey);
        }
        if (_channels.FirstOrDefault(c => c.Platform == head.Platform) is not { } channel)
            return await FailAsync(head, payload, $"No {head.Platform} adapter is configured.");

        var target = payload.Target;
        if (OutboxReference.TryParse(target.MessageId, out var referencedKey))
        {
            var referenced = await store.GetReceiptAsync(referencedKey, stoppingToken);
            switch (referenced?.State)
            {
                case null when now - head.EnqueuedAt > UnknownReferenceGiveUp:
                    return await FailAsync(head, payload, $"It refers to message '{referencedKey}', which was never enqueued.");
                case OutboxState.Queued when referenced.QueuePartition == head.Partition && string.CompareOrdinal(referenced.QueueRow, head.RowKey) > 0:
                    // Enqueued before the message it updates, in the same queue: it can only go after it.
                    await store.MoveBehindAsync(head, referenced.QueueRow, stoppingToken);
                    return QueueStep.Reread;
                case null or OutboxState.Queued:
                    return await RescheduleAsync(head, now + ReferenceWait, head.Attempts, $"Waiting for message '{referencedKey}' to be delivered.");
                case OutboxState.Failed:
                    return await FailAsync(head, payload, $"The message it refers to ('{referencedKey}') failed: {referenced.FailureReason}");
                case OutboxState.Delivered when referenced.Message is null:
                    return await FailAsync(head, payload, $"The message it refers to ('{referencedKey}') has no platform message id.");
                default:
                    target = target with { Conversation = referenced.Message!.Conversation, MessageId = referenced.Message.MessageId };
                    break;
            }
        }

        var wait = pacing.Peek(head.Platform, head.PacingKey, now);
        if (wait > TimeSpan.Zero)
            return QueueStep.Until(now + wait);
        var claimed = await store.TryUpdateAsync(head with { AttemptId = Guid.NewGuid().ToString("N"), LeaseUntil = now + _options.LeaseDuration, NextAttemptAt = null }, stoppingToken);
        if (claimed is null)
            return QueueStep.Reread;
        // The slot is taken only now, right before the call, so the time spent claiming costs no pace.
        now = time.GetUtcNow();
        wait = pacing.TryAcquire(head.Platform, head.PacingKey, now);
        if (wait > TimeSpan.Zero)
            return await RescheduleAsync(claimed, now + wait, claimed.Attempts, claimed.LastError);

        using var activity = EngageBotTelemetry.StartFrom("outbox send", ActivityKind.Producer, claimed.TraceParent)
            ?.SetTag("engagebot.platform", head.Platform.ToString()).SetTag("engagebot.delivery_kind", target.Kind.ToString()).SetTag("engagebot.attempt", claimed.Attempts);
        DeliveryResult result;
        try
        {
            // Not the stopping token: a started send runs to its end so its outcome is recorded (bounded by the lease).
            using var timeout = new CancellationTokenSource(_options.LeaseDuration, time);
            var callStart = time.GetTimestamp();
            result = await channel.DeliverAsync(target, payload.Message, timeout.Token);
            pacing.Confirm(head.Platform, head.PacingKey, time.GetElapsedTime(callStart));
        }
        catch (DeliveryException e) when (e.AwaitsBot)
        {
            return await AwaitBotAsync(claimed, target, e.Message);
        }
        catch (DeliveryException e) when (e.Permanent)
        {
            return await FailAsync(claimed, payload, e.Message);
        }
        catch (DeliveryException e) when (e.RetryAfter is { } retryAfter)
        {
            logger.LogInformation("Outbox queue {Queue} throttled by {Platform}: pausing {RetryAfter}.", head.PacingKey, head.Platform, retryAfter);
            var until = time.GetUtcNow() + retryAfter;
            pacing.Pause(head.Platform, head.PacingKey, until);
            EngageBotMetrics.Throttled(head.Platform);
            return await RescheduleAsync(claimed, until, claimed.Attempts, $"429: retry after {retryAfter}");
        }
        catch (Exception e)
        {
            var attempts = claimed.Attempts + 1;
            if (attempts >= _options.MaxAttempts)
                return await FailAsync(claimed, payload, $"Gave up after {attempts} attempts: {e.Message}");
            var delay = Backoff(attempts);
            logger.LogInformation("Outbox message {Key} attempt {Attempt} failed ({Error}); retrying in {Delay}.", head.IdempotencyKey, attempts, e.Message, delay);
            return await RescheduleAsync(claimed, time.GetUtcNow() + delay, attempts, e.Message);
        }

        // Record first (the crash window is this one write), then audit, then dequeue: a crash after the first
        // write is finished by the branch above that sees a Delivered receipt.
        await OptimisticRetry(() => store.MarkDeliveredAsync(claimed, result.Message, time.GetUtcNow(), CancellationToken.None));
        EngageBotMetrics.MessageFinished(head.Platform, delivered: true);
        await AuditAsync(claimed, payload with { Target = target }, result.Message);
        await store.RemoveAsync(claimed, CancellationToken.None);
        return QueueStep.Continue;
    }

    private async Task<QueueStep> RescheduleAsync(OutboxEntry entry, DateTimeOffset at, int attempts, string? error)
    {
        await store.TryUpdateAsync(entry with { AttemptId = null, LeaseUntil = null, NextAttemptAt = at, Attempts = attempts, LastError = error }, CancellationToken.None);
        return QueueStep.Until(at);
    }

    /// <summary>
    /// Keeps the message (and its queue behind it) waiting: retried when the bot is added on its platform
    /// (<see cref="OutboxBotAddedHandler"/>) and every <see cref="OutboxOptions.AwaitBotRecheck"/> anyway. Attempts
    /// are not counted: waiting for a person to install the app is not a failure of the message.
    /// </summary>
    private async Task<QueueStep> AwaitBotAsync(OutboxEntry entry, DeliveryTarget target, string reason)
    {
        var now = time.GetUtcNow();
        var first = entry.LastError?.StartsWith(AwaitingBotPrefix, StringComparison.Ordinal) != true;
        if (first)
            logger.LogWarning("Outbox message {Key} to {Platform} {Destination} waits for the bot to be added: {Reason}", entry.IdempotencyKey, entry.Platform,
                OutboxStore.Describe(target), reason);
        await store.MarkWaitingAsync(entry.Platform, entry.Partition, now, CancellationToken.None);
        var step = await RescheduleAsync(entry, now + _options.AwaitBotRecheck, entry.Attempts, AwaitingBotPrefix + reason);
        if (first && target.Conversation is { } conversation)
        {
            foreach (var handler in _unreachableHandlers)
            {
                try
                {
                    await handler.HandleAsync(conversation with { ThreadId = null }, reason, CancellationToken.None);
                }
                catch (Exception e)
                {
                    logger.LogError(e, "Telling {Handler} that {Platform} conversation {Conversation} is unreachable failed.", handler.GetType().Name, entry.Platform, conversation.ChannelId);
                }
            }
        }
        return step;
    }

    private async Task<QueueStep> FailAsync(OutboxEntry entry, OutboxPayload? payload, string reason)
    {
        logger.LogWarning("Outbox message {Key} to {Platform} {Destination} failed permanently: {Reason}", entry.IdempotencyKey, entry.Platform,
            payload is null ? entry.PacingKey : OutboxStore.Describe(payload.Target), reason);
        await store.MarkFailedAsync(entry, payload, reason, time.GetUtcNow(), CancellationToken.None);
        EngageBotMetrics.MessageFinished(entry.Platform, delivered: false);
        return QueueStep.Continue;
    }

    private async Task AuditAsync(OutboxEntry entry, OutboxPayload payload, MessageRef? delivered)
    {
        try
        {
            await recorder.RecordAsync(entry.IdempotencyKey, payload.Target, payload.Message, delivered, time.GetUtcNow(), CancellationToken.None);
        }
        catch (Exception e)
        {
            logger.LogError(e, "Delivered outbox message {Key} could not be added to the interaction log.", entry.IdempotencyKey);
        }
    }

    private TimeSpan Backoff(int attempts)
    {
        var ticks = Math.Min(_options.MaxRetryDelay.Ticks, _options.RetryDelay.Ticks * (1L << Math.Min(attempts - 1, 20)));
        return TimeSpan.FromTicks((long)(ticks * (0.8 + Random.Shared.NextDouble() * 0.4)));
    }

    private static OutboxPayload? TryRead(string json)
    {
        try
        {
            return JsonSerializer.Deserialize<OutboxPayload>(json, ChatEventJson.Options);
        }
        catch (JsonException)
        {
            return null;
        }
    }

    /// <summary>Recording a delivery must not be lost to a transient storage error: the platform call can't be undone.</summary>
    private async Task OptimisticRetry(Func<Task> write)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                await write();
                return;
            }
            catch (Exception) when (attempt < 5)
            {
                await Task.Delay(TimeSpan.FromMilliseconds(50 * attempt), time);
            }
        }
    }
}
