using EngageBot.Storage;
using EngageBot.Storage.Sqlite;
using EngageBot.TestSupport;
using Microsoft.Data.Sqlite;

namespace EngageBot.Tests.Storage;

/// <summary>The SQLite adapter's own machinery: group commit, savepoint isolation between callers, the v1 schema migration.</summary>
public sealed class SqliteGroupCommitTests : IDisposable
{
    private readonly TempDirectory _dir = new();

    [Fact]
    public async Task Concurrent_writers_commit_together_and_one_callers_conflict_rolls_back_only_its_own_batch()
    {
        using var store = new SqliteRecordStore(_dir.File("group.db"));
        var table = store.Table("things");
        await table.InsertAsync(Record("p1", "taken"));

        var writers = Enumerable.Range(0, 200).Select(i => Task.Run(async () =>
        {
            var partition = $"p{i % 7}";
            if (i == 100)
            {
                // Its first insert is fine on its own; its second collides, so the whole batch must leave no trace.
                var e = await Assert.ThrowsAsync<BatchFailedException>(() =>
                    table.SubmitBatchAsync([RecordOperation.Insert(Record("p1", "loser-first")), RecordOperation.Insert(Record("p1", "taken"))]));
                Assert.Equal(1, e.FailedIndex);
                Assert.IsType<RecordExistsException>(e.Cause);
                return;
            }
            await table.SubmitBatchAsync([RecordOperation.Insert(Record(partition, $"a{i}")), RecordOperation.Insert(Record(partition, $"b{i}"))]);
        })).ToList();
        await Task.WhenAll(writers);

        Assert.Null(await table.GetAsync("p1", "loser-first"));
        var rows = new List<StorageRecord>();
        await foreach (var r in table.QueryAsync(new RecordQuery()))
            rows.Add(r);
        Assert.Equal(1 + 199 * 2, rows.Count);
    }

    [Fact]
    public async Task A_stale_etag_fails_only_its_own_write_within_a_group()
    {
        using var store = new SqliteRecordStore(_dir.File("etag.db"));
        var table = store.Table("things");
        var etag = await table.InsertAsync(Record("p", "r"));
        await table.UpdateAsync(Record("p", "r", etag, "v2"));

        var stale = table.UpdateAsync(Record("p", "r", etag, "v3"));
        var others = Enumerable.Range(0, 20).Select(i => table.InsertAsync(Record("p", $"o{i}"))).ToList();
        await Assert.ThrowsAsync<ConcurrencyConflictException>(() => stale);
        await Task.WhenAll(others);
        Assert.Equal("v2", (await table.GetAsync("p", "r"))!.GetString("Value"));
    }

    [Fact]
    public async Task A_store_written_by_version_1_is_migrated_to_rowid_tables_with_its_records()
    {
        var path = _dir.File("v1.db");
        using (var v1 = new SqliteConnection($"Data Source={path};Pooling=False"))
        {
            v1.Open();
            using var create = v1.CreateCommand();
            create.CommandText = """
                PRAGMA journal_mode=WAL;
                CREATE TABLE t_things (pk TEXT NOT NULL, rk TEXT NOT NULL, etag TEXT NOT NULL, props TEXT NOT NULL, PRIMARY KEY(pk, rk)) WITHOUT ROWID;
                INSERT INTO t_things VALUES ('p', 'old', 'e1', '{"Value":"kept","Count":["i64","7"]}');
                """;
            create.ExecuteNonQuery();
        }

        using var store = new SqliteRecordStore(path);
        var table = store.Table("things");
        var old = await table.GetAsync("p", "old");
        Assert.Equal(("kept", 7L, "e1"), (old!.GetString("Value"), old.GetInt64("Count"), old.ETag));
        await table.InsertAsync(Record("p", "new"));
        await Assert.ThrowsAsync<RecordExistsException>(() => table.InsertAsync(Record("p", "old")));

        using var check = new SqliteConnection($"Data Source={path};Pooling=False");
        check.Open();
        using var sql = check.CreateCommand();
        sql.CommandText = "SELECT group_concat(sql, ';') FROM sqlite_master WHERE type='table' AND name LIKE 't_things%'";
        var schema = (string)sql.ExecuteScalar()!;
        Assert.DoesNotContain("WITHOUT ROWID", schema, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("_v1", schema);
    }

    [Fact]
    public async Task Writes_after_the_store_is_disposed_fail_clearly()
    {
        var store = new SqliteRecordStore(_dir.File("disposed.db"));
        var table = store.Table("things");
        await table.InsertAsync(Record("p", "r"));
        store.Dispose();
        await Assert.ThrowsAsync<ObjectDisposedException>(() => table.InsertAsync(Record("p", "r2")));
    }

    private static StorageRecord Record(string pk, string rk, string? etag = null, string value = "v") =>
        new(pk, rk, new Dictionary<string, object?> { ["Value"] = value }, etag);

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        _dir.Dispose();
    }
}
