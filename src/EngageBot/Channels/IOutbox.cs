namespace EngageBot.Channels;

/// <summary>
/// How features send: a durable queue drained by a paced background sender. Enqueueing the same
/// idempotency key twice sends once, across retries, restarts and instances.
/// </summary>
public interface IOutbox
{
    Task EnqueueAsync(string idempotencyKey, DeliveryTarget target, OutboundMessage message, CancellationToken cancellationToken = default);
}
