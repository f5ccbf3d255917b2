using Azure;
using Azure.Data.Tables;

namespace EngageBot.Storage.AzureTables;

/// <summary>
/// Table Storage failures as the port's typed errors: 409 on insert → RecordExistsException; 412, or 404 on a
/// conditional write → ConcurrencyConflictException; a failed transaction → BatchFailedException with its index.
/// </summary>
internal static class StorageErrorMapper
{
    public static StorageException Map(RequestFailedException e, string table, StorageRecord record, bool conditional) => e.Status switch
    {
        409 when e.ErrorCode is "EntityAlreadyExists" or null => new RecordExistsException(table, record.PartitionKey, record.RowKey, e),
        412 => new ConcurrencyConflictException(table, record.PartitionKey, record.RowKey, e),
        404 when conditional => new ConcurrencyConflictException(table, record.PartitionKey, record.RowKey, e),
        _ => new StorageException($"Table Storage failed on ({record.PartitionKey}, {record.RowKey}) in {table}: {e.Status} {e.ErrorCode}.", e),
    };

    public static BatchFailedException MapBatch(TableTransactionFailedException e, string table, IReadOnlyList<RecordOperation> operations)
    {
        var index = e.FailedTransactionActionIndex is int i && i >= 0 && i < operations.Count ? i : 0;
        var op = operations[index];
        return new BatchFailedException(index, Map(e, table, op.Record, conditional: op.Kind is RecordOperationKind.Update or RecordOperationKind.Delete));
    }
}
