using System.Collections.Concurrent;
using EngageBot.Channels;

namespace EngageBot.Tests;

/// <summary>An inbox that deduplicates on DedupKey like the real one and records what it accepted, in order.</summary>
public sealed class RecordingInbox : IInbox
{
    private readonly ConcurrentDictionary<string, ChatEvent> _byKey = new();
    private readonly ConcurrentQueue<ChatEvent> _accepted = new();

    public IReadOnlyList<ChatEvent> Accepted => _accepted.ToArray();

    public int Offered => _offered;
    private int _offered;

    /// <summary>While set, accepting fails like a storage outage.</summary>
    public bool Unavailable { get; set; }

    public Task<bool> AcceptAsync(ChatEvent chatEvent, CancellationToken cancellationToken = default)
    {
        Interlocked.Increment(ref _offered);
        if (Unavailable) throw new IOException("storage unavailable");
        if (!_byKey.TryAdd(chatEvent.DedupKey, chatEvent)) return Task.FromResult(false);
        _accepted.Enqueue(chatEvent);
        return Task.FromResult(true);
    }

    public void Clear()
    {
        _byKey.Clear();
        _accepted.Clear();
        _offered = 0;
        Unavailable = false;
    }
}
