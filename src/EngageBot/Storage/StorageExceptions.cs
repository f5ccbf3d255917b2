namespace EngageBot.Storage;

/// <summary>Base of the storage port's typed errors.</summary>
public class StorageException(string message, Exception? inner = null) : Exception(message, inner);

/// <summary>An insert found the key taken.</summary>
public sealed class RecordExistsException(string table, string partitionKey, string rowKey, Exception? inner = null)
    : StorageException($"Record ({partitionKey}, {rowKey}) already exists in {table}.", inner);

/// <summary>
/// The record changed (or vanished) since it was read. Callers re-read and retry:
/// this is how two instances sharing one store never lose an update.
/// </summary>
public sealed class ConcurrencyConflictException(string table, string partitionKey, string rowKey, Exception? inner = null)
    : StorageException($"Record ({partitionKey}, {rowKey}) in {table} was changed by someone else.", inner);

/// <summary>A batch was rejected as a whole; <see cref="FailedIndex"/> is the operation that failed.</summary>
public sealed class BatchFailedException(int failedIndex, StorageException cause)
    : StorageException($"Batch operation {failedIndex} failed: {cause.Message}", cause)
{
    public int FailedIndex { get; } = failedIndex;
    public StorageException Cause { get; } = cause;
}
