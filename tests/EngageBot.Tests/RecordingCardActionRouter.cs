using System.Collections.Concurrent;
using EngageBot.Channels;

namespace EngageBot.Tests;

/// <summary>Records routed actions and answers with what the test set in <see cref="Result"/>.</summary>
public sealed class RecordingCardActionRouter : ICardActionRouter
{
    private readonly ConcurrentQueue<CardActionInvoked> _routed = new();

    public IReadOnlyList<CardActionInvoked> Routed => _routed.ToArray();

    public CardActionResult Result { get; set; } = CardActionResult.Text("Done");

    public Task<CardActionResult> RouteAsync(CardActionInvoked action, CancellationToken cancellationToken = default)
    {
        _routed.Enqueue(action);
        return Task.FromResult(Result);
    }

    public void Clear()
    {
        _routed.Clear();
        Result = CardActionResult.Text("Done");
    }
}
