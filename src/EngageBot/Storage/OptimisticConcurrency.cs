namespace EngageBot.Storage;

/// <summary>Re-runs a read-modify-write when another writer got there first.</summary>
public static class OptimisticConcurrency
{
    public static async Task<T> RetryAsync<T>(Func<CancellationToken, Task<T>> attempt, CancellationToken cancellationToken = default, int maxAttempts = 10)
    {
        for (var i = 1; ; i++)
        {
            try
            {
                return await attempt(cancellationToken).ConfigureAwait(false);
            }
            catch (Exception e) when (i < maxAttempts && e is ConcurrencyConflictException or RecordExistsException)
            {
                await Task.Delay(Random.Shared.Next(1, 10 * i), cancellationToken).ConfigureAwait(false);
            }
        }
    }

    public static Task RetryAsync(Func<CancellationToken, Task> attempt, CancellationToken cancellationToken = default, int maxAttempts = 10) =>
        RetryAsync(async ct => { await attempt(ct).ConfigureAwait(false); return true; }, cancellationToken, maxAttempts);
}
