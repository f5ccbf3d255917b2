namespace EngageBot.Storage;

/// <summary>
/// The storage port. Features keep one store per aggregate on top of it, each designing its own
/// partition and row keys for the queries it makes. SQLite and Azure Table Storage are the adapters.
/// </summary>
public interface IRecordStore
{
    /// <summary>A logical table (created on first use). Names: letters and digits, 3 to 63, starting with a letter.</summary>
    IRecordTable Table(string name);
}

/// <summary>One logical table of records, with Table Storage's semantics on every adapter.</summary>
public interface IRecordTable
{
    string Name { get; }

    Task<StorageRecord?> GetAsync(string partitionKey, string rowKey, CancellationToken cancellationToken = default);

    /// <summary>Adds a record; throws <see cref="RecordExistsException"/> if the key is taken. Returns the new ETag.</summary>
    Task<string> InsertAsync(StorageRecord record, CancellationToken cancellationToken = default);

    /// <summary>Inserts or replaces a record whatever its current version. Returns the new ETag.</summary>
    Task<string> UpsertAsync(StorageRecord record, CancellationToken cancellationToken = default);

    /// <summary>
    /// Replaces a record only if it still has <see cref="StorageRecord.ETag"/>; throws
    /// <see cref="ConcurrencyConflictException"/> if it changed or is gone. Returns the new ETag.
    /// </summary>
    Task<string> UpdateAsync(StorageRecord record, CancellationToken cancellationToken = default);

    /// <summary>Deletes a record; with an ETag only if unchanged (else <see cref="ConcurrencyConflictException"/>). A missing record without an ETag is not an error.</summary>
    Task DeleteAsync(string partitionKey, string rowKey, string? eTag = null, CancellationToken cancellationToken = default);

    /// <summary>Records in (partition, row key) order, following continuations transparently.</summary>
    IAsyncEnumerable<StorageRecord> QueryAsync(RecordQuery query, CancellationToken cancellationToken = default);

    /// <summary>
    /// Applies up to 100 operations on one partition atomically: all succeed or none do
    /// (<see cref="BatchFailedException"/> names the failing operation).
    /// </summary>
    Task SubmitBatchAsync(IReadOnlyList<RecordOperation> operations, CancellationToken cancellationToken = default);
}
