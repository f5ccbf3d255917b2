using System.Collections.Concurrent;
using EngageBot.Channels.Inbox;

namespace EngageBot.Channels.Outbox;

/// <summary>Tells this instance's sender which queue just got a message, so it starts sending without waiting for a poll.</summary>
internal sealed class OutboxSignal(TimeProvider time) : WakeSignal(time)
{
    private readonly ConcurrentQueue<string> _queues = new();

    public void Notify(string queuePartition)
    {
        _queues.Enqueue(queuePartition);
        Pulse();
    }

    public IEnumerable<string> Drain()
    {
        while (_queues.TryDequeue(out var q))
            yield return q;
    }
}
