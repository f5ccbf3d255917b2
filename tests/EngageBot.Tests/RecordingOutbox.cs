using System.Collections.Concurrent;
using EngageBot.Channels;
using EngageBot.Channels.Outbox;

namespace EngageBot.Tests;

/// <summary>
/// An <see cref="IOutbox"/> that records what features enqueue. <see cref="All"/> is what the real outbox would send
/// (the first message per idempotency key, in order); <see cref="Enqueued"/> is every call, repeats included. As
/// <see cref="IOutboxStatus"/>, a message is Queued until <see cref="Deliver"/> says where it landed.
/// </summary>
public sealed class RecordingOutbox : IOutbox, IOutboxStatus
{
    private readonly ConcurrentQueue<Sent> _calls = new();
    private readonly ConcurrentDictionary<string, Sent> _firstByKey = new();
    private readonly ConcurrentDictionary<string, MessageRef> _delivered = new();
    private int _order;

    public sealed record Sent(string Key, DeliveryTarget Target, OutboundMessage Message)
    {
        public int Order { get; init; }
    }

    public int EnqueueCalls => _calls.Count;

    public IReadOnlyList<Sent> Enqueued => [.. _calls.OrderBy(s => s.Order)];

    public IReadOnlyList<string> Keys => [.. Enqueued.Select(s => s.Key)];

    public IReadOnlyList<Sent> All => [.. _firstByKey.Values.OrderBy(s => s.Order)];

    public IReadOnlyList<Sent> DirectMessages => To(DeliveryKind.DirectMessage);

    public IReadOnlyList<Sent> To(DeliveryKind kind) => [.. All.Where(s => s.Target.Kind == kind)];

    public Task EnqueueAsync(string idempotencyKey, DeliveryTarget target, OutboundMessage message, CancellationToken cancellationToken = default)
    {
        var sent = new Sent(idempotencyKey, target, message) { Order = Interlocked.Increment(ref _order) };
        _calls.Enqueue(sent);
        _firstByKey.TryAdd(idempotencyKey, sent);
        return Task.CompletedTask;
    }

    /// <summary>Marks the message enqueued under <paramref name="key"/> as delivered as <paramref name="messageId"/> in its conversation.</summary>
    public void Deliver(string key, string messageId)
    {
        var sent = _firstByKey[key];
        _delivered[key] = new MessageRef(sent.Target.Conversation ?? new ConversationRef(sent.Target.Platform, sent.Target.UserId ?? ""), messageId);
    }

    public Task<OutboxMessageStatus?> GetAsync(string idempotencyKey, CancellationToken cancellationToken = default) =>
        Task.FromResult(_firstByKey.TryGetValue(idempotencyKey, out var sent)
            ? new OutboxMessageStatus(idempotencyKey, _delivered.ContainsKey(idempotencyKey) ? OutboxState.Delivered : OutboxState.Queued,
                _delivered.GetValueOrDefault(idempotencyKey), null, default, null)
            : null);

    public void Clear()
    {
        _calls.Clear();
        _firstByKey.Clear();
    }
}
