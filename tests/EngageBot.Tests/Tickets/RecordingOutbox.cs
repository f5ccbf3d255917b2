using System.Collections.Concurrent;
using EngageBot.Channels;

namespace EngageBot.Tests.Tickets;

/// <summary>An outbox that keeps what was enqueued, sending each idempotency key once like the real one.</summary>
public sealed class RecordingOutbox : IOutbox
{
    private readonly ConcurrentDictionary<string, Sent> _sent = new();
    private int _order;

    public sealed record Sent(int Order, string Key, DeliveryTarget Target, OutboundMessage Message);

    public int EnqueueCalls;

    public Task EnqueueAsync(string idempotencyKey, DeliveryTarget target, OutboundMessage message, CancellationToken cancellationToken = default)
    {
        Interlocked.Increment(ref EnqueueCalls);
        _sent.TryAdd(idempotencyKey, new Sent(Interlocked.Increment(ref _order), idempotencyKey, target, message));
        return Task.CompletedTask;
    }

    public IReadOnlyList<Sent> All => _sent.Values.OrderBy(s => s.Order).ToList();

    public IReadOnlyList<Sent> DirectMessages => All.Where(s => s.Target.Kind == DeliveryKind.DirectMessage).ToList();

    public IReadOnlyList<Sent> Nudges => All.Where(s => s.Key.StartsWith("ticket-nudge|", StringComparison.Ordinal)).ToList();

    public IReadOnlyList<Sent> To(DeliveryKind kind) => All.Where(s => s.Target.Kind == kind).ToList();
}
