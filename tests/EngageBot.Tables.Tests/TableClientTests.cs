using Azure;
using Azure.Core;
using Azure.Core.Pipeline;
using EngageBot.TestSupport;

namespace EngageBot.Tables.Tests;

/// <summary>The client against a real Azurite: paging, transactions, error codes, update modes.</summary>
public sealed class TableClientTests(AzuriteServer azurite) : IClassFixture<AzuriteServer>
{
    private static int _counter;

    private TableServiceClient Service(TableClientOptions? options = null) => new(azurite.ConnectionString, options);

    private async Task<TableClient> NewTableAsync(TableClientOptions? options = null)
    {
        var table = Service(options).GetTableClient("client" + Interlocked.Increment(ref _counter));
        await table.CreateIfNotExistsAsync();
        return table;
    }

    [Fact]
    public async Task Queries_follow_continuation_tokens_page_by_page()
    {
        var counter = new RequestCounter();
        var options = new TableClientOptions();
        options.AddPolicy(counter, HttpPipelinePosition.PerCall);
        var table = await NewTableAsync(options);
        for (var start = 0; start < 250; start += 100)
            await table.SubmitTransactionAsync(Enumerable.Range(start, Math.Min(100, 250 - start))
                .Select(i => new TableTransactionAction(TableTransactionActionType.Add, new TableEntity("p", i.ToString("D4")) { ["I"] = i })));
        counter.Count = 0;

        var pages = new List<Page<TableEntity>>();
        await foreach (var page in table.QueryAsync(TableClient.CreateQueryFilter($"PartitionKey eq {"p"}"), maxPerPage: 100).AsPages())
            pages.Add(page);

        Assert.Equal([100, 100, 50], pages.Select(p => p.Values.Count));
        Assert.NotNull(pages[0].ContinuationToken);
        Assert.Null(pages[^1].ContinuationToken);
        Assert.Equal(3, counter.Count);
        Assert.Equal(Enumerable.Range(0, 250), pages.SelectMany(p => p.Values).Select(e => e.GetInt32("I")!.Value));
    }

    [Fact]
    public async Task A_transaction_of_one_hundred_actions_applies_all_and_returns_their_etags()
    {
        var table = await NewTableAsync();
        var result = await table.SubmitTransactionAsync(Enumerable.Range(0, 100)
            .Select(i => new TableTransactionAction(TableTransactionActionType.UpsertReplace, new TableEntity("p", i.ToString("D3")) { ["Text"] = new string('x', 500) })));

        Assert.Equal(100, result.Value.Count);
        Assert.All(result.Value, e => Assert.NotNull(e));
        var count = 0;
        await foreach (var _ in table.QueryAsync($"PartitionKey eq 'p'", select: ["RowKey"])) count++;
        Assert.Equal(100, count);
    }

    [Fact]
    public async Task A_failed_transaction_names_the_failing_action_and_applies_nothing()
    {
        var table = await NewTableAsync();
        await table.AddEntityAsync(new TableEntity("p", "taken"));

        var e = await Assert.ThrowsAsync<TableTransactionFailedException>(() => table.SubmitTransactionAsync(
        [
            new TableTransactionAction(TableTransactionActionType.Add, new TableEntity("p", "a")),
            new TableTransactionAction(TableTransactionActionType.Add, new TableEntity("p", "taken")),
        ]));

        Assert.Equal(1, e.FailedTransactionActionIndex);
        Assert.Equal(409, e.Status);
        Assert.Equal("EntityAlreadyExists", e.ErrorCode);
        Assert.False((await table.GetEntityIfExistsAsync("p", "a")).HasValue);
    }

    [Fact]
    public async Task Failures_carry_the_service_status_and_error_code()
    {
        var table = await NewTableAsync();
        var added = await table.AddEntityAsync(new TableEntity("p", "r") { ["V"] = 1 });

        var conflict = await Assert.ThrowsAsync<RequestFailedException>(() => table.AddEntityAsync(new TableEntity("p", "r")));
        var stale = await Assert.ThrowsAsync<RequestFailedException>(async () =>
        {
            await table.UpdateEntityAsync(new TableEntity("p", "r") { ["V"] = 2 }, added.Headers.ETag!.Value, TableUpdateMode.Replace);
            await table.UpdateEntityAsync(new TableEntity("p", "r") { ["V"] = 3 }, added.Headers.ETag!.Value, TableUpdateMode.Replace);
        });
        var missing = await Assert.ThrowsAsync<RequestFailedException>(() => table.GetEntityAsync("p", "nope"));
        var tableExists = await Assert.ThrowsAsync<RequestFailedException>(() => Service().CreateTableAsync(table.Name));

        Assert.Equal((409, "EntityAlreadyExists"), (conflict.Status, conflict.ErrorCode));
        Assert.Equal((412, "UpdateConditionNotSatisfied"), (stale.Status, stale.ErrorCode));
        Assert.Equal((404, "ResourceNotFound"), (missing.Status, missing.ErrorCode));
        Assert.Equal((409, "TableAlreadyExists"), (tableExists.Status, tableExists.ErrorCode));
    }

    [Fact]
    public async Task A_wrong_account_key_is_rejected_with_an_authorization_error()
    {
        var wrongKey = Convert.ToBase64String(new byte[64]);
        var service = new TableServiceClient(new Uri(azurite.TableEndpoint), new TableSharedKeyCredential(AzuriteServer.AccountName, wrongKey),
            new TableClientOptions { Retry = { MaxRetries = 0 } });

        var e = await Assert.ThrowsAsync<RequestFailedException>(() => service.CreateTableIfNotExistsAsync("denied"));

        Assert.Equal(403, e.Status);
        Assert.Equal("AuthorizationFailure", e.ErrorCode);
    }

    [Fact]
    public async Task Merge_keeps_properties_left_out_and_replace_drops_them()
    {
        var table = await NewTableAsync();
        await table.AddEntityAsync(new TableEntity("p", "r") { ["A"] = "a", ["B"] = "b" });

        await table.UpsertEntityAsync(new TableEntity("p", "r") { ["A"] = "a2" }, TableUpdateMode.Merge);
        var merged = (await table.GetEntityAsync("p", "r")).Value;
        await table.UpsertEntityAsync(new TableEntity("p", "r") { ["A"] = "a3" }, TableUpdateMode.Replace);
        var replaced = (await table.GetEntityAsync("p", "r")).Value;

        Assert.Equal(("a2", "b"), (merged.GetString("A"), merged.GetString("B")));
        Assert.Equal("a3", replaced.GetString("A"));
        Assert.False(replaced.ContainsKey("B"));
        Assert.NotNull(replaced.Timestamp);
    }

    [Fact]
    public async Task Delete_with_a_stale_etag_fails_and_with_any_etag_succeeds_even_when_missing()
    {
        var table = await NewTableAsync();
        var first = await table.AddEntityAsync(new TableEntity("p", "r"));
        await table.UpsertEntityAsync(new TableEntity("p", "r") { ["V"] = 1 });

        var e = await Assert.ThrowsAsync<RequestFailedException>(() => table.DeleteEntityAsync("p", "r", first.Headers.ETag!.Value));
        await table.DeleteEntityAsync("p", "r");
        await table.DeleteEntityAsync("p", "r");

        Assert.Equal(412, e.Status);
        Assert.False((await table.GetEntityIfExistsAsync("p", "r")).HasValue);
    }

    [Fact]
    public async Task Keys_with_quotes_percent_and_unicode_address_the_right_entity()
    {
        var table = await NewTableAsync();
        var entity = new TableEntity("O'Brien 100%", "日本 👋 (x)") { ["V"] = "ok" };
        await table.AddEntityAsync(entity);

        var read = (await table.GetEntityAsync(entity.PartitionKey, entity.RowKey)).Value;
        var queried = new List<TableEntity>();
        await foreach (var e in table.QueryAsync(TableClient.CreateQueryFilter($"PartitionKey eq {entity.PartitionKey}"))) queried.Add(e);

        Assert.Equal(("O'Brien 100%", "日本 👋 (x)", "ok"), (read.PartitionKey, read.RowKey, read.GetString("V")));
        Assert.Single(queried);
    }

    [Fact]
    public async Task Deleted_tables_are_gone()
    {
        var service = Service();
        await service.CreateTableAsync("dropme");
        await service.DeleteTableAsync("dropme");
        var e = await Assert.ThrowsAsync<RequestFailedException>(() => service.GetTableClient("dropme").AddEntityAsync(new TableEntity("p", "r")));
        Assert.Equal(404, e.Status);
        Assert.Equal("TableNotFound", e.ErrorCode);
    }

    private sealed class RequestCounter : HttpPipelineSynchronousPolicy
    {
        public int Count;

        public override void OnSendingRequest(HttpMessage message) => Interlocked.Increment(ref Count);
    }
}
