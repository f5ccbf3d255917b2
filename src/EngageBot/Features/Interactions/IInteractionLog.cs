namespace EngageBot.Features.Interactions;

/// <summary>The append-only audit trail of every inbound and outbound chat event.</summary>
public interface IInteractionLog
{
    /// <summary>Appends an interaction; idempotent for the same (Platform, MessageId, Kind). Returns false if it was already there.</summary>
    Task<bool> AppendAsync(Interaction interaction, CancellationToken cancellationToken = default);

    /// <summary>Appends many at once (batched where the adapter supports it); idempotent like <see cref="AppendAsync"/>.</summary>
    Task AppendManyAsync(IReadOnlyList<Interaction> interactions, CancellationToken cancellationToken = default);

    /// <summary>Interactions in time order, for one partner (or all when null), from <paramref name="since"/> up to <paramref name="until"/>.</summary>
    IAsyncEnumerable<Interaction> QueryAsync(string? partnerId, DateTimeOffset since, DateTimeOffset? until = null, CancellationToken cancellationToken = default);
}
