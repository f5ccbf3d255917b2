using System.Runtime.CompilerServices;
using Microsoft.Data.Sqlite;

namespace EngageBot.Storage.Sqlite;

/// <summary>
/// One logical table as SQL table "t_{name}" (see <see cref="SqliteSchema"/>). Reads use pooled connections; every
/// write goes through the store's group-committing writer. ETags are random per write (not counters), so a stale
/// ETag never matches a re-created record.
/// </summary>
internal sealed class SqliteRecordTable(SqliteRecordStore store, string name) : IRecordTable
{
    private readonly string _sql = "t_" + name.ToLowerInvariant();
    private volatile bool _created;

    public string Name { get; } = name;

    public async Task<StorageRecord?> GetAsync(string partitionKey, string rowKey, CancellationToken cancellationToken = default)
    {
        await using var c = Open(cancellationToken);
        await using var cmd = Command(c, $"SELECT pk, rk, etag, props FROM {_sql} WHERE pk=$pk AND rk=$rk", ("$pk", StorageKeys.Escape(partitionKey)), ("$rk", StorageKeys.Escape(rowKey)));
        await using var reader = await cmd.ExecuteReaderAsync(cancellationToken);
        return await reader.ReadAsync(cancellationToken) ? Read(reader) : null;
    }

    public Task<string> InsertAsync(StorageRecord record, CancellationToken cancellationToken = default) =>
        WriteOneAsync(RecordOperation.Insert(record), cancellationToken);

    public Task<string> UpsertAsync(StorageRecord record, CancellationToken cancellationToken = default) =>
        WriteOneAsync(RecordOperation.Upsert(record), cancellationToken);

    public Task<string> UpdateAsync(StorageRecord record, CancellationToken cancellationToken = default) =>
        WriteOneAsync(RecordOperation.Update(record), cancellationToken);

    public Task DeleteAsync(string partitionKey, string rowKey, string? eTag = null, CancellationToken cancellationToken = default) =>
        WriteOneAsync(RecordOperation.Delete(new StorageRecord(partitionKey, rowKey, new Dictionary<string, object?>(), eTag)), cancellationToken);

    public async IAsyncEnumerable<StorageRecord> QueryAsync(RecordQuery query, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        await using var c = Open(cancellationToken);
        var where = new List<string>();
        var args = new List<(string, object)>();
        if (query.PartitionKey is not null) { where.Add("pk=$pk"); args.Add(("$pk", StorageKeys.Escape(query.PartitionKey))); }
        if (query.RowKeyFrom is not null) { where.Add("rk>=$from"); args.Add(("$from", StorageKeys.Escape(query.RowKeyFrom))); }
        if (query.RowKeyBefore is not null) { where.Add("rk<$before"); args.Add(("$before", StorageKeys.Escape(query.RowKeyBefore))); }
        var sql = $"SELECT pk, rk, etag, props FROM {_sql}"
            + (where.Count > 0 ? " WHERE " + string.Join(" AND ", where) : "")
            + " ORDER BY pk, rk"
            + (query.Take is int take ? $" LIMIT {take}" : "");
        await using var cmd = Command(c, sql, [.. args]);
        await using var reader = await cmd.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
            yield return Read(reader);
    }

    public async Task SubmitBatchAsync(IReadOnlyList<RecordOperation> operations, CancellationToken cancellationToken = default)
    {
        BatchRules.Check(operations);
        var writes = operations.Select(Prepare).ToList();
        EnsureCreated(cancellationToken);
        await store.Writer.WriteAsync(writes, asBatch: true, cancellationToken);
    }

    private async Task<string> WriteOneAsync(RecordOperation operation, CancellationToken cancellationToken)
    {
        var write = Prepare(operation);
        EnsureCreated(cancellationToken);
        return (await store.Writer.WriteAsync([write], asBatch: false, cancellationToken))[0];
    }

    private SqliteWrite Prepare(RecordOperation operation)
    {
        if (operation.Kind != RecordOperationKind.Delete) RecordRules.Check(operation.Record);
        return SqliteWrite.From(operation, Name, _sql);
    }

    private static SqliteCommand Command(SqliteConnection c, string sql, params (string Name, object Value)[] args)
    {
        var cmd = c.CreateCommand();
        cmd.CommandText = sql;
        foreach (var (n, v) in args)
            cmd.Parameters.AddWithValue(n, v);
        return cmd;
    }

    private static StorageRecord Read(SqliteDataReader reader) =>
        new(StorageKeys.Unescape(reader.GetString(0)), StorageKeys.Unescape(reader.GetString(1)), PropertyCodec.Decode(reader.GetString(3)), reader.GetString(2));

    private SqliteConnection Open(CancellationToken cancellationToken)
    {
        EnsureCreated(cancellationToken);
        return store.Open();
    }

    private void EnsureCreated(CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        if (_created) return;
        using var c = store.Open();
        SqliteSchema.EnsureTable(c, _sql);
        _created = true;
    }
}
