using EngageBot.Channels;

namespace EngageBot.Tests.Storage;

/// <summary>An outbox whose enqueues are steps of a <see cref="CrashSchedule"/> (an enqueue is one durable write).</summary>
public sealed class CrashingOutbox(IOutbox inner, CrashSchedule schedule) : IOutbox
{
    public Task EnqueueAsync(string idempotencyKey, DeliveryTarget target, OutboundMessage message, CancellationToken cancellationToken = default)
    {
        schedule.Step($"enqueue {idempotencyKey}");
        return inner.EnqueueAsync(idempotencyKey, target, message, cancellationToken);
    }
}
