using EngageBot.Storage;

namespace EngageBot.Tests.Storage;

/// <summary>
/// The storage port's contract, run against every adapter (SQLite file, Azure Table Storage on a real Azurite).
/// Each test uses its own table, so tests never see each other's data.
/// </summary>
public abstract class RecordStoreConformanceTests
{
    private static int _tableCounter;

    protected abstract IRecordStore CreateStore();

    private IRecordTable NewTable() => CreateStore().Table("t" + Interlocked.Increment(ref _tableCounter) + Guid.NewGuid().ToString("N")[..8]);

    private static StorageRecord Record(string pk, string rk, params (string Name, object? Value)[] props) =>
        new(pk, rk, props.ToDictionary(p => p.Name, p => p.Value));

    [Fact]
    public async Task Every_property_type_round_trips_exactly()
    {
        var table = NewTable();
        var when = new DateTimeOffset(2026, 11, 21, 19, 6, 31, TimeSpan.FromHours(2)).AddTicks(5_332_391);
        var record = Record("p", "r",
            ("Text", "héllo 👋 'quoted'"), ("Empty", ""), ("Int", int.MinValue), ("Long", (1L << 53) + 1), ("LongMax", long.MaxValue),
            ("Double", 0.1), ("Integral", 2.0), ("Negative", -1e300), ("True", true), ("False", false),
            ("When", when), ("Id", Guid.Parse("7d1f0c2e-0000-4000-8000-0123456789ab")), ("Bytes", new byte[] { 0, 1, 2, 255 }), ("NoBytes", Array.Empty<byte>()));

        await table.InsertAsync(record);
        var read = await table.GetAsync("p", "r");

        Assert.NotNull(read);
        Assert.NotNull(read.ETag);
        foreach (var (name, expected) in record.Properties)
        {
            var actual = read.Properties[name];
            Assert.Equal(expected!.GetType(), actual!.GetType());
            Assert.Equal(expected, actual);
        }
        Assert.Equal(when.UtcTicks, ((DateTimeOffset)read.Properties["When"]!).UtcTicks);
        Assert.Equal(record.Properties.Count, read.Properties.Count);
    }

    [Fact]
    public async Task Null_properties_are_not_stored()
    {
        var table = NewTable();
        await table.InsertAsync(Record("p", "r", ("Gone", null), ("Kept", "x")));
        var read = await table.GetAsync("p", "r");
        Assert.False(read!.Properties.ContainsKey("Gone"));
        Assert.Equal("x", read.GetString("Kept"));
    }

    [Fact]
    public async Task Insert_of_a_taken_key_throws_RecordExistsException_and_keeps_the_first()
    {
        var table = NewTable();
        await table.InsertAsync(Record("p", "r", ("V", 1)));
        await Assert.ThrowsAsync<RecordExistsException>(() => table.InsertAsync(Record("p", "r", ("V", 2))));
        Assert.Equal(1L, (await table.GetAsync("p", "r"))!.GetInt64("V"));
    }

    [Fact]
    public async Task Upsert_inserts_then_replaces_the_whole_record()
    {
        var table = NewTable();
        var first = await table.UpsertAsync(Record("p", "r", ("A", "a"), ("B", "b")));
        var second = await table.UpsertAsync(Record("p", "r", ("A", "a2")));
        var read = await table.GetAsync("p", "r");
        Assert.Equal("a2", read!.GetString("A"));
        Assert.False(read.Properties.ContainsKey("B"));
        Assert.NotEqual(first, second);
        Assert.Equal(second, read.ETag);
    }

    [Fact]
    public async Task Update_with_a_stale_etag_throws_ConcurrencyConflictException()
    {
        var table = NewTable();
        await table.InsertAsync(Record("p", "r", ("V", 1)));
        var read = (await table.GetAsync("p", "r"))!;
        var newEtag = await table.UpdateAsync(read with { Properties = new Dictionary<string, object?> { ["V"] = 2 } });

        await Assert.ThrowsAsync<ConcurrencyConflictException>(() => table.UpdateAsync(read with { Properties = new Dictionary<string, object?> { ["V"] = 3 } }));
        var now = (await table.GetAsync("p", "r"))!;
        Assert.Equal(2L, now.GetInt64("V"));
        Assert.Equal(newEtag, now.ETag);
    }

    [Fact]
    public async Task Update_of_a_missing_record_throws_ConcurrencyConflictException()
    {
        var table = NewTable();
        await Assert.ThrowsAsync<ConcurrencyConflictException>(() => table.UpdateAsync(Record("p", "missing", ("V", 1))));
        Assert.Null(await table.GetAsync("p", "missing"));
    }

    [Fact]
    public async Task Delete_with_the_current_etag_removes_and_with_a_stale_one_conflicts()
    {
        var table = NewTable();
        var stale = await table.InsertAsync(Record("p", "r", ("V", 1)));
        var current = await table.UpsertAsync(Record("p", "r", ("V", 2)));

        await Assert.ThrowsAsync<ConcurrencyConflictException>(() => table.DeleteAsync("p", "r", stale));
        Assert.NotNull(await table.GetAsync("p", "r"));
        await table.DeleteAsync("p", "r", current);
        Assert.Null(await table.GetAsync("p", "r"));
        await Assert.ThrowsAsync<ConcurrencyConflictException>(() => table.DeleteAsync("p", "r", current));
    }

    [Fact]
    public async Task Deleting_a_missing_record_without_an_etag_is_not_an_error()
    {
        var table = NewTable();
        await table.DeleteAsync("p", "never-there");
        Assert.Null(await table.GetAsync("p", "never-there"));
    }

    [Fact]
    public async Task Row_key_range_queries_stay_in_their_partition_in_row_key_order()
    {
        var table = NewTable();
        foreach (var rk in new[] { "c", "a", "e", "b", "d" })
            await table.InsertAsync(Record("p1", rk, ("V", rk)));
        await table.InsertAsync(Record("p0", "b"));
        await table.InsertAsync(Record("p2", "b"));

        var all = await Keys(table, RecordQuery.Partition("p1"));
        var range = await Keys(table, new RecordQuery { PartitionKey = "p1", RowKeyFrom = "b", RowKeyBefore = "d" });
        var prefix = await Keys(table, RecordQuery.Prefix("p1", "d"));

        Assert.Equal(["p1/a", "p1/b", "p1/c", "p1/d", "p1/e"], all);
        Assert.Equal(["p1/b", "p1/c"], range);
        Assert.Equal(["p1/d"], prefix);
    }

    [Fact]
    public async Task Take_returns_the_first_records_in_order()
    {
        var table = NewTable();
        for (var i = 0; i < 20; i++)
            await table.InsertAsync(Record("p", i.ToString("D3")));
        Assert.Equal(["p/000", "p/001", "p/002"], await Keys(table, new RecordQuery { PartitionKey = "p", Take = 3 }));
        Assert.Equal(["p/015", "p/016"], await Keys(table, new RecordQuery { PartitionKey = "p", RowKeyFrom = "015", Take = 2 }));
    }

    [Fact]
    public async Task Cross_partition_queries_order_by_partition_then_row_key()
    {
        var table = NewTable();
        await table.InsertAsync(Record("b", "1"));
        await table.InsertAsync(Record("a", "2"));
        await table.InsertAsync(Record("a", "1"));
        await table.InsertAsync(Record("c", "0"));

        Assert.Equal(["a/1", "a/2", "b/1", "c/0"], await Keys(table, new RecordQuery()));
        Assert.Equal(["a/1", "b/1"], await Keys(table, new RecordQuery { RowKeyFrom = "1", RowKeyBefore = "2" }));
    }

    [Fact]
    public async Task More_than_a_thousand_results_all_come_back_in_order()
    {
        var table = NewTable();
        const int count = 1250;
        for (var start = 0; start < count; start += 100)
            await table.SubmitBatchAsync(Enumerable.Range(start, Math.Min(100, count - start))
                .Select(i => RecordOperation.Insert(Record("p", i.ToString("D5"), ("I", i)))).ToList());

        var rows = await Keys(table, RecordQuery.Partition("p"));
        Assert.Equal(Enumerable.Range(0, count).Select(i => "p/" + i.ToString("D5")), rows);
        Assert.Equal(1100, (await Keys(table, new RecordQuery { PartitionKey = "p", Take = 1100 })).Count);
    }

    [Fact]
    public async Task A_failing_batch_applies_nothing_and_names_the_failing_operation()
    {
        var table = NewTable();
        await table.InsertAsync(Record("p", "taken", ("V", "original")));
        var batch = new List<RecordOperation>
        {
            RecordOperation.Insert(Record("p", "new1")),
            RecordOperation.Upsert(Record("p", "new2")),
            RecordOperation.Insert(Record("p", "taken", ("V", "overwritten"))),
            RecordOperation.Insert(Record("p", "new3")),
        };

        var e = await Assert.ThrowsAsync<BatchFailedException>(() => table.SubmitBatchAsync(batch));

        Assert.Equal(2, e.FailedIndex);
        Assert.IsType<RecordExistsException>(e.Cause);
        Assert.Equal(["p/taken"], await Keys(table, RecordQuery.Partition("p")));
        Assert.Equal("original", (await table.GetAsync("p", "taken"))!.GetString("V"));
    }

    [Fact]
    public async Task A_batch_with_a_stale_etag_fails_with_a_concurrency_conflict()
    {
        var table = NewTable();
        var stale = await table.InsertAsync(Record("p", "r", ("V", 1)));
        await table.UpsertAsync(Record("p", "r", ("V", 2)));

        var e = await Assert.ThrowsAsync<BatchFailedException>(() => table.SubmitBatchAsync(
            [RecordOperation.Insert(Record("p", "x")), RecordOperation.Update(Record("p", "r", ("V", 3)) with { ETag = stale })]));

        Assert.Equal(1, e.FailedIndex);
        Assert.IsType<ConcurrencyConflictException>(e.Cause);
        Assert.Null(await table.GetAsync("p", "x"));
    }

    [Fact]
    public async Task A_batch_deleting_a_missing_record_fails_as_Table_Storage_does()
    {
        var table = NewTable();
        var e = await Assert.ThrowsAsync<BatchFailedException>(() => table.SubmitBatchAsync(
            [RecordOperation.Insert(Record("p", "x")), RecordOperation.Delete(Record("p", "missing"))]));
        Assert.Equal(1, e.FailedIndex);
        Assert.Null(await table.GetAsync("p", "x"));
    }

    [Fact]
    public async Task A_successful_batch_applies_every_kind_of_operation()
    {
        var table = NewTable();
        var etag = await table.InsertAsync(Record("p", "update", ("V", 1)));
        await table.InsertAsync(Record("p", "delete"));

        await table.SubmitBatchAsync(
        [
            RecordOperation.Insert(Record("p", "insert", ("V", 1))),
            RecordOperation.Upsert(Record("p", "upsert", ("V", 1))),
            RecordOperation.Update(Record("p", "update", ("V", 2)) with { ETag = etag }),
            RecordOperation.Delete(Record("p", "delete")),
        ]);

        Assert.Equal(["p/insert", "p/update", "p/upsert"], await Keys(table, RecordQuery.Partition("p")));
        Assert.Equal(2L, (await table.GetAsync("p", "update"))!.GetInt64("V"));
    }

    [Fact]
    public async Task Batch_rules_are_enforced_before_anything_is_sent()
    {
        var table = NewTable();
        await Assert.ThrowsAsync<ArgumentException>(() => table.SubmitBatchAsync([]));
        await Assert.ThrowsAsync<ArgumentException>(() => table.SubmitBatchAsync(
            Enumerable.Range(0, 101).Select(i => RecordOperation.Insert(Record("p", i.ToString()))).ToList()));
        await Assert.ThrowsAsync<ArgumentException>(() => table.SubmitBatchAsync([RecordOperation.Insert(Record("p", "a")), RecordOperation.Insert(Record("q", "b"))]));
        await Assert.ThrowsAsync<ArgumentException>(() => table.SubmitBatchAsync([RecordOperation.Insert(Record("p", "a")), RecordOperation.Upsert(Record("p", "a"))]));
        await table.SubmitBatchAsync(Enumerable.Range(0, 100).Select(i => RecordOperation.Insert(Record("p", i.ToString("D3")))).ToList());
        Assert.Equal(100, (await Keys(table, RecordQuery.Partition("p"))).Count);
    }

    [Theory]
    [InlineData("a/b", "c\\d")]
    [InlineData("#hash", "what?")]
    [InlineData("tab\there", "new\nline\u007f\u0085")]
    [InlineData("100% sure", "%2F literally")]
    [InlineData("ünïcødé 日本", "emoji 👋 'quote'")]
    public async Task Keys_with_characters_Table_Storage_forbids_round_trip(string pk, string rk)
    {
        var table = NewTable();
        var etag = await table.InsertAsync(Record(pk, rk, ("V", 1)));
        await table.InsertAsync(Record(pk, rk + "/2"));

        var read = await table.GetAsync(pk, rk);
        Assert.Equal((pk, rk), (read!.PartitionKey, read.RowKey));
        Assert.Equal([$"{pk}|{rk}", $"{pk}|{rk}/2"], (await All(table, RecordQuery.Prefix(pk, rk))).Select(r => $"{r.PartitionKey}|{r.RowKey}"));
        await table.UpdateAsync(Record(pk, rk, ("V", 2)) with { ETag = etag });
        await table.DeleteAsync(pk, rk + "/2");
        Assert.Equal([rk], (await All(table, RecordQuery.Partition(pk))).Select(r => r.RowKey));
    }

    [Fact]
    public async Task Of_two_concurrent_writers_with_the_same_etag_exactly_one_wins()
    {
        var table = NewTable();
        await table.InsertAsync(Record("p", "r", ("Owner", "none")));
        var read = (await table.GetAsync("p", "r"))!;

        var writers = new[] { "alice", "bob" }.Select(async who =>
        {
            try
            {
                await table.UpdateAsync(read with { Properties = new Dictionary<string, object?> { ["Owner"] = who } });
                return who;
            }
            catch (ConcurrencyConflictException)
            {
                return null;
            }
        });
        var winners = (await Task.WhenAll(writers)).OfType<string>().ToList();

        Assert.Single(winners);
        Assert.Equal(winners[0], (await table.GetAsync("p", "r"))!.GetString("Owner"));
    }

    [Fact]
    public async Task Concurrent_inserts_of_one_key_let_exactly_one_succeed()
    {
        var table = NewTable();
        var results = await Task.WhenAll(Enumerable.Range(0, 5).Select(async i =>
        {
            try { await table.InsertAsync(Record("p", "r", ("I", i))); return true; }
            catch (RecordExistsException) { return false; }
        }));
        Assert.Equal(1, results.Count(r => r));
    }

    [Fact]
    public async Task Retried_read_modify_writes_lose_no_update()
    {
        var table = NewTable();
        await table.InsertAsync(Record("p", "counter", ("N", 0L)));
        await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => OptimisticConcurrency.RetryAsync(async ct =>
        {
            var current = (await table.GetAsync("p", "counter", ct))!;
            await table.UpdateAsync(current with { Properties = new Dictionary<string, object?> { ["N"] = current.GetInt64("N")!.Value + 1 } }, ct);
        }, maxAttempts: 50)));
        Assert.Equal(8L, (await table.GetAsync("p", "counter"))!.GetInt64("N"));
    }

    [Fact]
    public async Task Records_Table_Storage_would_refuse_are_refused_by_every_adapter_before_writing()
    {
        var table = NewTable();
        await Assert.ThrowsAsync<ArgumentException>(() => table.InsertAsync(Record("p", "r", ("Text", new string('x', RecordRules.MaxStringLength + 1)))));
        await Assert.ThrowsAsync<ArgumentException>(() => table.UpsertAsync(Record("p", "r", ("Bad-Name", 1))));
        await Assert.ThrowsAsync<ArgumentException>(() => table.InsertAsync(Record("p", new string('k', RecordRules.MaxKeyLength + 1))));
        // The limit holds after escaping: 171 slashes are 513 characters stored, 170 are 510.
        await Assert.ThrowsAsync<ArgumentException>(() => table.InsertAsync(Record("p", new string('/', 171))));
        await table.InsertAsync(Record("slashes", new string('/', 170)));
        await Assert.ThrowsAsync<ArgumentException>(() => table.SubmitBatchAsync([RecordOperation.Insert(Record("p", "ok")), RecordOperation.Insert(Record("p", "r", ("Bytes", new byte[RecordRules.MaxBinaryLength + 1])))]));
        await table.InsertAsync(Record("p", new string('k', RecordRules.MaxKeyLength), ("Text", new string('x', RecordRules.MaxStringLength))));
        Assert.Equal(["p/" + new string('k', RecordRules.MaxKeyLength)], await Keys(table, RecordQuery.Partition("p")));
    }

    private static async Task<List<StorageRecord>> All(IRecordTable table, RecordQuery query)
    {
        var list = new List<StorageRecord>();
        await foreach (var r in table.QueryAsync(query)) list.Add(r);
        return list;
    }

    private static async Task<List<string>> Keys(IRecordTable table, RecordQuery query) =>
        (await All(table, query)).Select(r => r.PartitionKey + "/" + r.RowKey).ToList();
}
