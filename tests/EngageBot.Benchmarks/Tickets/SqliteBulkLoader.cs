using EngageBot.Storage;
using EngageBot.Storage.Sqlite;

namespace EngageBot.Benchmarks.Tickets;

/// <summary>
/// Loads many single-record partitions (ticket rows: one partition per ticket, so the port's batches cannot group
/// them) in one SQLite transaction, in the adapter's own schema and property encoding. Benchmark setup only.
/// </summary>
internal static class SqliteBulkLoader
{
    public static async Task LoadAsync(SqliteRecordStore store, string tableName, IEnumerable<StorageRecord> records)
    {
        var table = store.Table(tableName);
        await table.GetAsync("-", "-"); // creates the table the adapter's way
        using var connection = store.Open();
        using var transaction = connection.BeginTransaction();
        using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = $"INSERT INTO t_{tableName.ToLowerInvariant()}(pk, rk, etag, props) VALUES($pk, $rk, $etag, $props)";
        var pk = command.Parameters.Add("$pk", Microsoft.Data.Sqlite.SqliteType.Text);
        var rk = command.Parameters.Add("$rk", Microsoft.Data.Sqlite.SqliteType.Text);
        var etag = command.Parameters.Add("$etag", Microsoft.Data.Sqlite.SqliteType.Text);
        var props = command.Parameters.Add("$props", Microsoft.Data.Sqlite.SqliteType.Text);
        foreach (var record in records)
        {
            pk.Value = record.PartitionKey;
            rk.Value = record.RowKey;
            etag.Value = Guid.NewGuid().ToString("N");
            props.Value = PropertyCodec.Encode(record.Properties);
            command.ExecuteNonQuery();
        }
        transaction.Commit();
    }
}
