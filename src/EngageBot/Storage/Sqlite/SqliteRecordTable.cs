using System.Runtime.CompilerServices;
using Microsoft.Data.Sqlite;

namespace EngageBot.Storage.Sqlite;

/// <summary>
/// One logical table as SQL table "t_{name}" (pk, rk, etag, props) WITHOUT ROWID: the primary key
/// (pk, rk) is the clustered index, so partition/row-key range queries are index range scans.
/// ETags are random per write (not counters), so a stale ETag never matches a re-created record.
/// </summary>
internal sealed class SqliteRecordTable(SqliteRecordStore store, string name) : IRecordTable
{
    private const int SqliteConstraint = 19;
    private readonly string _sql = "t_" + name.ToLowerInvariant();
    private volatile bool _created;

    public string Name { get; } = name;

    public async Task<StorageRecord?> GetAsync(string partitionKey, string rowKey, CancellationToken cancellationToken = default)
    {
        await using var c = await OpenAsync(cancellationToken);
        await using var cmd = Command(c, $"SELECT pk, rk, etag, props FROM {_sql} WHERE pk=$pk AND rk=$rk", ("$pk", StorageKeys.Escape(partitionKey)), ("$rk", StorageKeys.Escape(rowKey)));
        await using var reader = await cmd.ExecuteReaderAsync(cancellationToken);
        return await reader.ReadAsync(cancellationToken) ? Read(reader) : null;
    }

    public async Task<string> InsertAsync(StorageRecord record, CancellationToken cancellationToken = default)
    {
        await using var c = await OpenAsync(cancellationToken);
        using var writing = await store.WriteLockAsync(cancellationToken);
        return Apply(c, RecordOperation.Insert(record));
    }

    public async Task<string> UpsertAsync(StorageRecord record, CancellationToken cancellationToken = default)
    {
        await using var c = await OpenAsync(cancellationToken);
        using var writing = await store.WriteLockAsync(cancellationToken);
        return Apply(c, RecordOperation.Upsert(record));
    }

    public async Task<string> UpdateAsync(StorageRecord record, CancellationToken cancellationToken = default)
    {
        await using var c = await OpenAsync(cancellationToken);
        using var writing = await store.WriteLockAsync(cancellationToken);
        return Apply(c, RecordOperation.Update(record));
    }

    public async Task DeleteAsync(string partitionKey, string rowKey, string? eTag = null, CancellationToken cancellationToken = default)
    {
        await using var c = await OpenAsync(cancellationToken);
        using var writing = await store.WriteLockAsync(cancellationToken);
        Apply(c, RecordOperation.Delete(new StorageRecord(partitionKey, rowKey, new Dictionary<string, object?>(), eTag)));
    }

    public async IAsyncEnumerable<StorageRecord> QueryAsync(RecordQuery query, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        await using var c = await OpenAsync(cancellationToken);
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
        foreach (var op in operations.Where(o => o.Kind != RecordOperationKind.Delete)) RecordRules.Check(op.Record);
        await using var c = await OpenAsync(cancellationToken);
        using var writing = await store.WriteLockAsync(cancellationToken);
        await using var tx = (SqliteTransaction)await c.BeginTransactionAsync(cancellationToken);
        for (var i = 0; i < operations.Count; i++)
        {
            try
            {
                Apply(c, operations[i], tx, inBatch: true);
            }
            catch (StorageException e)
            {
                await tx.RollbackAsync(cancellationToken);
                throw new BatchFailedException(i, e);
            }
        }
        await tx.CommitAsync(cancellationToken);
    }

    private string Apply(SqliteConnection c, RecordOperation op, SqliteTransaction? tx = null, bool inBatch = false)
    {
        var r = op.Record;
        if (op.Kind != RecordOperationKind.Delete) RecordRules.Check(r);
        var keys = r with { PartitionKey = StorageKeys.Escape(r.PartitionKey), RowKey = StorageKeys.Escape(r.RowKey) };
        var etag = Guid.NewGuid().ToString("N");
        var props = PropertyCodec.Encode(r.Properties);
        switch (op.Kind)
        {
            case RecordOperationKind.Insert:
                try
                {
                    Execute(c, tx, $"INSERT INTO {_sql}(pk, rk, etag, props) VALUES($pk,$rk,$etag,$props)", keys, etag, props);
                }
                catch (SqliteException e) when (e.SqliteErrorCode == SqliteConstraint)
                {
                    throw new RecordExistsException(Name, r.PartitionKey, r.RowKey, e);
                }
                return etag;
            case RecordOperationKind.Upsert:
                Execute(c, tx, $"INSERT INTO {_sql}(pk, rk, etag, props) VALUES($pk,$rk,$etag,$props) ON CONFLICT(pk, rk) DO UPDATE SET etag=excluded.etag, props=excluded.props", keys, etag, props);
                return etag;
            case RecordOperationKind.Update:
                var updated = r.ETag is null or "*"
                    ? Execute(c, tx, $"UPDATE {_sql} SET etag=$etag, props=$props WHERE pk=$pk AND rk=$rk", keys, etag, props)
                    : Execute(c, tx, $"UPDATE {_sql} SET etag=$etag, props=$props WHERE pk=$pk AND rk=$rk AND etag=$old", keys, etag, props);
                return updated == 1 ? etag : throw new ConcurrencyConflictException(Name, r.PartitionKey, r.RowKey);
            case RecordOperationKind.Delete:
                var deleted = r.ETag is null or "*"
                    ? Execute(c, tx, $"DELETE FROM {_sql} WHERE pk=$pk AND rk=$rk", keys, etag, props)
                    : Execute(c, tx, $"DELETE FROM {_sql} WHERE pk=$pk AND rk=$rk AND etag=$old", keys, etag, props);
                // Table Storage fails a batch delete of a missing record (404) even without an ETag; match it.
                if (deleted == 0 && (r.ETag is not null || inBatch))
                    throw new ConcurrencyConflictException(Name, r.PartitionKey, r.RowKey);
                return "";
            default:
                throw new ArgumentOutOfRangeException(nameof(op));
        }
    }

    private static int Execute(SqliteConnection c, SqliteTransaction? tx, string sql, StorageRecord r, string etag, string props)
    {
        using var cmd = Command(c, sql, ("$pk", r.PartitionKey), ("$rk", r.RowKey), ("$etag", etag), ("$props", props), ("$old", r.ETag ?? ""));
        cmd.Transaction = tx;
        return cmd.ExecuteNonQuery();
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

    private async Task<SqliteConnection> OpenAsync(CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var c = store.Open();
        if (!_created)
        {
            using var cmd = Command(c, $"CREATE TABLE IF NOT EXISTS {_sql} (pk TEXT NOT NULL, rk TEXT NOT NULL, etag TEXT NOT NULL, props TEXT NOT NULL, PRIMARY KEY(pk, rk)) WITHOUT ROWID");
            await cmd.ExecuteNonQueryAsync(cancellationToken);
            _created = true;
        }
        return c;
    }
}
