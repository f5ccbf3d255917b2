using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using EngageBot.Channels;
using EngageBot.Features.Interactions;

namespace EngageBot.Tests.Channels;

/// <summary>An in-memory interaction log, idempotent on (Platform, MessageId, Kind) like the real one.</summary>
internal sealed class FakeInteractionLog : IInteractionLog
{
    private readonly ConcurrentDictionary<(ChatPlatform, string, string), Interaction> _entries = new();

    public IReadOnlyList<Interaction> Entries => [.. _entries.Values.OrderBy(i => i.Timestamp)];

    public Task<bool> AppendAsync(Interaction interaction, CancellationToken cancellationToken = default) =>
        Task.FromResult(_entries.TryAdd((interaction.Platform, interaction.MessageId, interaction.Kind), interaction));

    public async Task AppendManyAsync(IReadOnlyList<Interaction> interactions, CancellationToken cancellationToken = default)
    {
        foreach (var i in interactions)
            await AppendAsync(i, cancellationToken);
    }

    public async IAsyncEnumerable<Interaction> QueryAsync(string? partnerId, DateTimeOffset since, DateTimeOffset? until = null, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        await Task.Yield();
        foreach (var i in Entries.Where(i => (partnerId is null || i.PartnerId == partnerId) && i.Timestamp >= since && (until is null || i.Timestamp < until)))
            yield return i;
    }
}
