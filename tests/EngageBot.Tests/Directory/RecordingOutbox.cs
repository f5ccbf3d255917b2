using System.Collections.Concurrent;
using EngageBot.Channels;

namespace EngageBot.Tests.Directory;

/// <summary>An outbox that records what features enqueue, deduplicating on the idempotency key like the real one.</summary>
internal sealed class RecordingOutbox : IOutbox
{
    private readonly ConcurrentDictionary<string, (DeliveryTarget Target, OutboundMessage Message)> _sent = new();

    public List<string> Keys { get; } = [];

    public IReadOnlyList<(string Key, DeliveryTarget Target, OutboundMessage Message)> Sent =>
        Keys.Distinct().Select(k => (k, _sent[k].Target, _sent[k].Message)).ToList();

    public Task EnqueueAsync(string idempotencyKey, DeliveryTarget target, OutboundMessage message, CancellationToken cancellationToken = default)
    {
        lock (Keys) Keys.Add(idempotencyKey);
        _sent.TryAdd(idempotencyKey, (target, message));
        return Task.CompletedTask;
    }
}
