using Microsoft.Data.Sqlite;

namespace EngageBot.Storage.Sqlite;

/// <summary>
/// The write statements of one connection, each prepared once and re-bound per write, with Table Storage's
/// semantics: insert conflicts on an existing key, update and delete honour the ETag, and a batch delete of a
/// missing record fails as Table Storage's does (404) even without an ETag.
/// </summary>
internal sealed class SqliteStatements(SqliteConnection connection) : IDisposable
{
    private const int SqliteConstraint = 19;
    private readonly Dictionary<(string Table, RecordOperationKind Kind, bool AnyETag), SqliteCommand> _commands = [];
    private readonly Dictionary<string, SqliteCommand> _control = new(StringComparer.Ordinal);

    /// <summary>Runs one write; returns its new ETag ("" for a delete).</summary>
    public string Execute(SqliteTransaction transaction, SqliteWrite write, bool inBatch)
    {
        var etag = write.Kind == RecordOperationKind.Delete ? "" : Guid.NewGuid().ToString("N");
        var command = Command(write);
        command.Transaction = transaction;
        command.Parameters["$pk"].Value = write.EscapedPartitionKey;
        command.Parameters["$rk"].Value = write.EscapedRowKey;
        command.Parameters["$etag"].Value = etag;
        command.Parameters["$props"].Value = write.Props;
        command.Parameters["$old"].Value = write.ETag ?? "";
        int changed;
        try
        {
            changed = command.ExecuteNonQuery();
        }
        catch (SqliteException e) when (e.SqliteErrorCode == SqliteConstraint && write.Kind == RecordOperationKind.Insert)
        {
            throw new RecordExistsException(write.Table, write.PartitionKey, write.RowKey, e);
        }
        var conflict = write.Kind switch
        {
            RecordOperationKind.Update => changed != 1,
            RecordOperationKind.Delete => changed == 0 && (!write.MatchesAnyETag || inBatch),
            _ => false,
        };
        return conflict ? throw new ConcurrencyConflictException(write.Table, write.PartitionKey, write.RowKey) : etag;
    }

    /// <summary>
    /// Runs SAVEPOINT, RELEASE or ROLLBACK TO as prepared statements: SqliteTransaction.Save and friends parse a new
    /// command on every call, and a group commit takes a savepoint per caller.
    /// </summary>
    public void Savepoint(SqliteTransaction transaction, string sql)
    {
        if (!_control.TryGetValue(sql, out var command))
        {
            command = connection.CreateCommand();
            command.CommandText = sql;
            _control[sql] = command;
        }
        command.Transaction = transaction;
        command.ExecuteNonQuery();
    }

    private SqliteCommand Command(SqliteWrite write)
    {
        var key = (write.SqlTable, write.Kind, write.MatchesAnyETag);
        if (_commands.TryGetValue(key, out var command))
            return command;
        command = connection.CreateCommand();
        command.CommandText = Sql(write.SqlTable, write.Kind, write.MatchesAnyETag);
        foreach (var name in new[] { "$pk", "$rk", "$etag", "$props", "$old" })
            command.Parameters.Add(new SqliteParameter(name, ""));
        _commands[key] = command;
        return command;
    }

    private static string Sql(string t, RecordOperationKind kind, bool anyETag) => kind switch
    {
        RecordOperationKind.Insert => $"INSERT INTO {t}(pk, rk, etag, props) VALUES($pk,$rk,$etag,$props)",
        RecordOperationKind.Upsert => $"INSERT INTO {t}(pk, rk, etag, props) VALUES($pk,$rk,$etag,$props) ON CONFLICT(pk, rk) DO UPDATE SET etag=excluded.etag, props=excluded.props",
        RecordOperationKind.Update when anyETag => $"UPDATE {t} SET etag=$etag, props=$props WHERE pk=$pk AND rk=$rk",
        RecordOperationKind.Update => $"UPDATE {t} SET etag=$etag, props=$props WHERE pk=$pk AND rk=$rk AND etag=$old",
        RecordOperationKind.Delete when anyETag => $"DELETE FROM {t} WHERE pk=$pk AND rk=$rk",
        RecordOperationKind.Delete => $"DELETE FROM {t} WHERE pk=$pk AND rk=$rk AND etag=$old",
        _ => throw new ArgumentOutOfRangeException(nameof(kind)),
    };

    public void Dispose()
    {
        foreach (var command in _commands.Values.Concat(_control.Values)) command.Dispose();
    }
}
