using Microsoft.Data.Sqlite;
using SQLitePCL;

namespace EngageBot.Storage.Sqlite;

/// <summary>
/// The write statements of the writer's connection, each prepared once and re-bound per write, with Table Storage's
/// semantics: insert conflicts on an existing key, update and delete honour the ETag, and a batch delete of a
/// missing record fails as Table Storage's does (404) even without an ETag.
/// Statements run through SQLitePCL directly (bind, step, reset) rather than SqliteCommand, whose per-execution
/// reader, parameter and timer objects cost as much as the insert itself on the Slack ack path.
/// </summary>
internal sealed class SqliteStatements(SqliteConnection connection) : IDisposable
{
    private const int Pk = 1, Rk = 2, ETag = 3, Props = 4, OldETag = 5;
    private readonly Dictionary<(string Table, RecordOperationKind Kind, bool AnyETag), sqlite3_stmt> _writes = [];
    private readonly Dictionary<string, sqlite3_stmt> _control = new(StringComparer.Ordinal);

    private sqlite3 Db => connection.Handle ?? throw new InvalidOperationException("The writer's connection is closed.");

    /// <summary>Runs one write inside the connection's open transaction; returns its new ETag ("" for a delete).</summary>
    public string Execute(SqliteWrite write, bool inBatch)
    {
        var etag = write.NewETag;
        var stmt = Statement(write);
        raw.sqlite3_bind_text(stmt, Pk, write.EscapedPartitionKey);
        raw.sqlite3_bind_text(stmt, Rk, write.EscapedRowKey);
        if (write.Kind != RecordOperationKind.Delete)
        {
            raw.sqlite3_bind_text(stmt, ETag, etag);
            raw.sqlite3_bind_text(stmt, Props, write.Props.AsSpan());
        }
        if (!write.MatchesAnyETag && write.Kind is RecordOperationKind.Update or RecordOperationKind.Delete)
            raw.sqlite3_bind_text(stmt, OldETag, write.ETag);
        var rc = Step(stmt);
        if (rc == raw.SQLITE_CONSTRAINT && write.Kind == RecordOperationKind.Insert)
            throw new RecordExistsException(write.Table, write.PartitionKey, write.RowKey);
        if (rc != raw.SQLITE_DONE)
            throw Error(rc);
        var changed = raw.sqlite3_changes(Db);
        var conflict = write.Kind switch
        {
            RecordOperationKind.Update => changed != 1,
            RecordOperationKind.Delete => changed == 0 && (!write.MatchesAnyETag || inBatch),
            _ => false,
        };
        return conflict ? throw new ConcurrencyConflictException(write.Table, write.PartitionKey, write.RowKey) : etag;
    }

    /// <summary>Runs BEGIN, COMMIT, SAVEPOINT, RELEASE or ROLLBACK TO, prepared once (a group commit takes a savepoint per caller).</summary>
    public void Control(string sql)
    {
        if (!_control.TryGetValue(sql, out var stmt))
            _control[sql] = stmt = Prepare(sql);
        var rc = Step(stmt);
        if (rc != raw.SQLITE_DONE)
            throw Error(rc);
    }

    /// <summary>Ends a transaction that failed midway, if SQLite has not already rolled it back.</summary>
    public void RollbackIfOpen()
    {
        if (connection.Handle is { } db && raw.sqlite3_get_autocommit(db) == 0)
            raw.sqlite3_exec(db, "ROLLBACK");
    }

    private int Step(sqlite3_stmt stmt)
    {
        var rc = raw.sqlite3_step(stmt);
        // Reset (which also clears the error state) before anything can throw, so the statement is always reusable.
        // Bindings stay: every execution binds each parameter its statement uses.
        raw.sqlite3_reset(stmt);
        return rc;
    }

    private sqlite3_stmt Statement(SqliteWrite write)
    {
        var key = (write.SqlTable, write.Kind, write.MatchesAnyETag);
        if (!_writes.TryGetValue(key, out var stmt))
            _writes[key] = stmt = Prepare(Sql(write.SqlTable, write.Kind, write.MatchesAnyETag));
        return stmt;
    }

    private sqlite3_stmt Prepare(string sql)
    {
        var rc = raw.sqlite3_prepare_v2(Db, sql, out var stmt);
        return rc == raw.SQLITE_OK ? stmt : throw Error(rc);
    }

    private SqliteException Error(int rc) =>
        new(raw.sqlite3_errmsg(Db).utf8_to_string() ?? $"SQLite error {rc}", rc, raw.sqlite3_extended_errcode(Db));

    // Parameters by position: ?1 pk, ?2 rk, ?3 new etag, ?4 props, ?5 expected etag.
    private static string Sql(string t, RecordOperationKind kind, bool anyETag) => kind switch
    {
        RecordOperationKind.Insert => $"INSERT INTO {t}(pk, rk, etag, props) VALUES(?1,?2,?3,?4)",
        RecordOperationKind.Upsert => $"INSERT INTO {t}(pk, rk, etag, props) VALUES(?1,?2,?3,?4) ON CONFLICT(pk, rk) DO UPDATE SET etag=excluded.etag, props=excluded.props",
        RecordOperationKind.Update when anyETag => $"UPDATE {t} SET etag=?3, props=?4 WHERE pk=?1 AND rk=?2",
        RecordOperationKind.Update => $"UPDATE {t} SET etag=?3, props=?4 WHERE pk=?1 AND rk=?2 AND etag=?5",
        RecordOperationKind.Delete when anyETag => $"DELETE FROM {t} WHERE pk=?1 AND rk=?2",
        RecordOperationKind.Delete => $"DELETE FROM {t} WHERE pk=?1 AND rk=?2 AND etag=?5",
        _ => throw new ArgumentOutOfRangeException(nameof(kind)),
    };

    public void Dispose()
    {
        foreach (var stmt in _writes.Values.Concat(_control.Values)) stmt.Dispose();
        _writes.Clear();
        _control.Clear();
    }
}
