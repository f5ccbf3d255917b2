namespace EngageBot.Storage.Sqlite;

/// <summary>
/// One record write, escaped and encoded before it queues, so the single writer spends its turn on SQL only.
/// <paramref name="Table"/> and the original keys name the record in errors; the escaped keys go to SQL.
/// </summary>
internal sealed record SqliteWrite(
    RecordOperationKind Kind,
    string Table,
    string SqlTable,
    string PartitionKey,
    string RowKey,
    string EscapedPartitionKey,
    string EscapedRowKey,
    string? ETag,
    string Props)
{
    public static SqliteWrite From(RecordOperation operation, string table, string sqlTable)
    {
        var r = operation.Record;
        return new(operation.Kind, table, sqlTable, r.PartitionKey, r.RowKey, StorageKeys.Escape(r.PartitionKey), StorageKeys.Escape(r.RowKey),
            r.ETag, operation.Kind == RecordOperationKind.Delete ? "" : PropertyCodec.Encode(r.Properties));
    }

    public bool MatchesAnyETag => ETag is null or "*";
}
