using Azure.Core;
using Azure.Data.Tables;
using EngageBot.Storage;
using EngageBot.Storage.AzureTables;
using EngageBot.TestSupport;

namespace EngageBot.Tests.Storage;

/// <summary>
/// What the adapter costs in Table Storage transactions (the billed unit), counted on the SDK's own pipeline as the
/// benchmark counts them, and how it fails when the account refuses it.
/// </summary>
public sealed class AzureTablesRequestTests(AzuriteServer azurite) : IClassFixture<AzuriteServer>
{
    private static int _counter;

    private (IRecordTable Table, RequestCountingPolicy Requests) NewTable()
    {
        var requests = new RequestCountingPolicy();
        var options = new TableClientOptions();
        options.AddPolicy(requests, HttpPipelinePosition.PerRetry);
        var store = new AzureTablesRecordStore(new TableServiceClient(azurite.ConnectionString, options), "req");
        return (store.Table("count" + Interlocked.Increment(ref _counter)), requests);
    }

    [Fact]
    public async Task Each_operation_is_one_request_and_a_batch_of_one_hundred_is_one()
    {
        var (table, requests) = NewTable();
        await table.GetAsync("p", "warm-up");
        var afterCreate = requests.Count;

        await table.InsertAsync(new StorageRecord("p", "r"));
        await table.SubmitBatchAsync(Enumerable.Range(0, 100).Select(i => RecordOperation.Insert(new StorageRecord("p", i.ToString("D3")))).ToList());
        var rows = 0;
        await foreach (var _ in table.QueryAsync(RecordQuery.Partition("p"))) rows++;

        Assert.Equal(2, afterCreate); // CreateIfNotExists once, then the read
        Assert.Equal(101, rows);
        Assert.Equal(afterCreate + 3, requests.Count);
    }

    [Fact]
    public async Task A_query_past_one_thousand_rows_follows_one_continuation()
    {
        var (table, requests) = NewTable();
        for (var start = 0; start < 1_100; start += 100)
            await table.SubmitBatchAsync(Enumerable.Range(start, 100).Select(i => RecordOperation.Insert(new StorageRecord("p", i.ToString("D5")))).ToList());
        var before = requests.Count;

        var rows = 0;
        await foreach (var _ in table.QueryAsync(RecordQuery.Partition("p"))) rows++;

        Assert.Equal(1_100, rows);
        Assert.Equal(before + 2, requests.Count);
    }

    [Fact]
    public async Task A_wrong_account_key_fails_as_a_storage_error_naming_the_status_without_the_key()
    {
        var wrongKey = Convert.ToBase64String(new byte[64]);
        var connectionString = $"DefaultEndpointsProtocol=http;AccountName={AzuriteServer.AccountName};AccountKey={wrongKey};TableEndpoint={azurite.TableEndpoint};";
        var options = new TableClientOptions { Retry = { MaxRetries = 0 } };
        var table = new AzureTablesRecordStore(new TableServiceClient(connectionString, options), "denied").Table("records");

        var e = await Assert.ThrowsAsync<StorageException>(() => table.InsertAsync(new StorageRecord("p", "r")));

        Assert.StartsWith("Table Storage could not create or open table deniedrecords: 403", e.Message);
        Assert.DoesNotContain(wrongKey, e.ToString());
        Assert.Equal(403, Assert.IsType<Azure.RequestFailedException>(e.InnerException).Status);
    }
}
