namespace EngageBot.Channels.Outbox;

/// <summary>What became of an enqueued message, by its idempotency key.</summary>
public interface IOutboxStatus
{
    /// <summary>The message's state and, once delivered, its platform reference (for later updates); null for an unknown key.</summary>
    Task<OutboxMessageStatus?> GetAsync(string idempotencyKey, CancellationToken cancellationToken = default);
}

public enum OutboxState { Queued, Delivered, Failed }

/// <param name="Message">Where it landed (Slack ts, Teams activity id), once delivered; null for deliveries without one (e.g. reactions).</param>
/// <param name="FailureReason">Why it was given up, when Failed.</param>
public sealed record OutboxMessageStatus(string IdempotencyKey, OutboxState State, MessageRef? Message, string? FailureReason, DateTimeOffset EnqueuedAt, DateTimeOffset? CompletedAt);
