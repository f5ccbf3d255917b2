namespace EngageBot.Storage.Sqlite;

/// <summary>
/// One record write, escaped, encoded (UTF-8 properties) and given its new ETag before it queues, so the single
/// writer spends its turn on SQL only. <paramref name="Table"/> and the original keys name the record in errors;
/// the escaped keys go to SQL.
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
    string NewETag,
    byte[] Props)
{
    public static SqliteWrite From(RecordOperation operation, string table, string sqlTable)
    {
        var r = operation.Record;
        return new(operation.Kind, table, sqlTable, r.PartitionKey, r.RowKey, StorageKeys.Escape(r.PartitionKey), StorageKeys.Escape(r.RowKey),
            r.ETag, operation.Kind == RecordOperationKind.Delete ? "" : Guid.NewGuid().ToString("N"),
            operation.Kind == RecordOperationKind.Delete ? [] : PropertyCodec.EncodeUtf8(r.Properties));
    }

    public bool MatchesAnyETag => ETag is null or "*";
}
