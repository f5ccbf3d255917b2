using System.Collections.Concurrent;
using EngageBot.Channels;

namespace EngageBot.Tests.Teams;

/// <summary>An IOutbox that records what was enqueued.</summary>
internal sealed class RecordingOutbox : IOutbox
{
    private readonly ConcurrentQueue<(string Key, DeliveryTarget Target, OutboundMessage Message)> _sent = new();

    public IReadOnlyList<(string Key, DeliveryTarget Target, OutboundMessage Message)> Enqueued => [.. _sent];

    public Task EnqueueAsync(string idempotencyKey, DeliveryTarget target, OutboundMessage message, CancellationToken cancellationToken = default)
    {
        _sent.Enqueue((idempotencyKey, target, message));
        return Task.CompletedTask;
    }
}
