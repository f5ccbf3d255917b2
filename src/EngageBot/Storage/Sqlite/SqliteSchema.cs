using Microsoft.Data.Sqlite;

namespace EngageBot.Storage.Sqlite;

/// <summary>
/// The SQL table behind one logical table: (pk, rk, etag, props), a rowid table with a unique (pk, rk) index, so
/// partition and row-key range queries are index range scans. Not WITHOUT ROWID, which version 1 used: that layout
/// keeps whole rows in the key b-tree, interior pages included, so kilobyte-sized records (inbox payloads) made
/// every insert split and rewrite fat pages; inserts of such records are about twice as fast with a rowid table.
/// </summary>
internal static class SqliteSchema
{
    public static void EnsureTable(SqliteConnection connection, string sqlTable)
    {
        using var transaction = connection.BeginTransaction();
        var existing = Scalar(connection, transaction, "SELECT sql FROM sqlite_master WHERE type='table' AND name=$name", sqlTable);
        if (existing is null)
        {
            Create(connection, transaction, sqlTable);
        }
        else if (existing.Contains("WITHOUT ROWID", StringComparison.OrdinalIgnoreCase))
        {
            // A store written by version 1: copy it into the current layout, in this one transaction.
            Execute(connection, transaction, $"ALTER TABLE {sqlTable} RENAME TO {sqlTable}_v1");
            Create(connection, transaction, sqlTable);
            Execute(connection, transaction, $"INSERT INTO {sqlTable}(pk, rk, etag, props) SELECT pk, rk, etag, props FROM {sqlTable}_v1 ORDER BY pk, rk");
            Execute(connection, transaction, $"DROP TABLE {sqlTable}_v1");
        }
        transaction.Commit();
    }

    private static void Create(SqliteConnection connection, SqliteTransaction transaction, string sqlTable) =>
        Execute(connection, transaction, $"CREATE TABLE {sqlTable} (pk TEXT NOT NULL, rk TEXT NOT NULL, etag TEXT NOT NULL, props TEXT NOT NULL, PRIMARY KEY(pk, rk))");

    private static string? Scalar(SqliteConnection connection, SqliteTransaction transaction, string sql, string name)
    {
        using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        command.Parameters.AddWithValue("$name", name);
        return command.ExecuteScalar() as string;
    }

    private static void Execute(SqliteConnection connection, SqliteTransaction transaction, string sql)
    {
        using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }
}
