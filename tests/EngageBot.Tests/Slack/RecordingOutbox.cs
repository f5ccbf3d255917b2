using System.Collections.Concurrent;
using EngageBot.Channels;

namespace EngageBot.Tests.Slack;

public sealed class RecordingOutbox : IOutbox
{
    private readonly ConcurrentQueue<(string Key, DeliveryTarget Target, OutboundMessage Message)> _enqueued = new();

    public IReadOnlyList<(string Key, DeliveryTarget Target, OutboundMessage Message)> Enqueued => _enqueued.ToArray();

    public Task EnqueueAsync(string idempotencyKey, DeliveryTarget target, OutboundMessage message, CancellationToken cancellationToken = default)
    {
        _enqueued.Enqueue((idempotencyKey, target, message));
        return Task.CompletedTask;
    }

    public void Clear() => _enqueued.Clear();
}
