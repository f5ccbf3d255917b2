namespace EngageBot.Channels.Outbox;

/// <summary>A queued message as stored, with the ETag claims are made against.</summary>
internal sealed record OutboxEntry(
    string Partition,
    string RowKey,
    string ETag,
    string IdempotencyKey,
    ChatPlatform Platform,
    string PacingKey,
    string Payload,
    DateTimeOffset EnqueuedAt,
    int Attempts,
    DateTimeOffset? NextAttemptAt,
    DateTimeOffset? LeaseUntil,
    string? AttemptId,
    string? LastError,
    string? OriginalRow = null,
    string? TraceParent = null)
{
    /// <summary>A send was started (platform called) and its outcome was never recorded.</summary>
    public bool Sending => AttemptId is not null;
}

/// <summary>The record kept per idempotency key: where the message is queued, then its outcome.</summary>
internal sealed record OutboxReceipt(string IdempotencyKey, string QueuePartition, string QueueRow, OutboxState State, MessageRef? Message,
    string? FailureReason, DateTimeOffset EnqueuedAt, DateTimeOffset? CompletedAt)
{
    public bool Points(OutboxEntry e) => QueuePartition == e.Partition && (QueueRow == e.RowKey || QueueRow == e.OriginalRow);

    public OutboxMessageStatus ToStatus() => new(IdempotencyKey, State, Message, FailureReason, EnqueuedAt, CompletedAt);
}

/// <summary>A message given up on, for "engagebot outbox failed".</summary>
public sealed record FailedDelivery(string IdempotencyKey, ChatPlatform Platform, DeliveryKind Kind, string Destination, string Reason, DateTimeOffset EnqueuedAt, DateTimeOffset FailedAt, string Text);

/// <summary>What is stored per message: the target and the message, as JSON.</summary>
internal sealed record OutboxPayload(DeliveryTarget Target, OutboundMessage Message);
