using System.Collections.Concurrent;
using EngageBot.Channels;

namespace EngageBot.Tests.Teams;

/// <summary>An ICardActionRouter that records actions and answers with whatever the test set.</summary>
internal sealed class RecordingCardActionRouter : ICardActionRouter
{
    private readonly ConcurrentQueue<CardActionInvoked> _actions = new();

    public IReadOnlyList<CardActionInvoked> Actions => [.. _actions];

    public CardActionResult Result { get; set; } = CardActionResult.Text("Done");

    public Task<CardActionResult> RouteAsync(CardActionInvoked action, CancellationToken cancellationToken = default)
    {
        _actions.Enqueue(action);
        return Task.FromResult(Result);
    }
}
