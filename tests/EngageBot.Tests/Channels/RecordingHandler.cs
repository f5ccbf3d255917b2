using System.Collections.Concurrent;
using EngageBot.Channels;

namespace EngageBot.Tests.Channels;

/// <summary>Records every event it is handed; fails when <see cref="FailWhen"/> says so.</summary>
internal class RecordingHandler : IChatEventHandler
{
    private int _concurrent;

    public ConcurrentQueue<ChatEvent> Handled { get; } = new();

    public Func<ChatEvent, bool> FailWhen { get; set; } = _ => false;

    /// <summary>Set when two events were ever handled at the same time by this handler within one conversation.</summary>
    public int MaxConcurrent { get; private set; }

    public async Task HandleAsync(ChatEvent chatEvent, CancellationToken cancellationToken)
    {
        var now = Interlocked.Increment(ref _concurrent);
        MaxConcurrent = Math.Max(MaxConcurrent, now);
        try
        {
            await Task.Yield();
            if (FailWhen(chatEvent))
                throw new InvalidOperationException($"handler refused {chatEvent.DedupKey}");
            Handled.Enqueue(chatEvent);
        }
        finally
        {
            Interlocked.Decrement(ref _concurrent);
        }
    }
}

internal sealed class SecondRecordingHandler : RecordingHandler;
