using System.Collections.Concurrent;
using EngageBot.Channels;

namespace EngageBot.Tests.Teams;

/// <summary>An IInbox that keeps accepted events in memory, deduplicated on DedupKey like the real one.</summary>
internal sealed class RecordingInbox : IInbox
{
    private readonly ConcurrentDictionary<string, ChatEvent> _accepted = new();
    private readonly ConcurrentQueue<ChatEvent> _order = new();

    public IReadOnlyList<ChatEvent> Events => [.. _order];

    public Task<bool> AcceptAsync(ChatEvent chatEvent, CancellationToken cancellationToken = default)
    {
        if (!_accepted.TryAdd(chatEvent.DedupKey, chatEvent))
            return Task.FromResult(false);
        _order.Enqueue(chatEvent);
        return Task.FromResult(true);
    }
}
