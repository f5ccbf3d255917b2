using EngageBot.Storage;
using EngageBot.Storage.AzureTables;
using Azure.Data.Tables;
using EngageBot.TestSupport;

namespace EngageBot.Tests.Feedback;

public sealed class AzureTablesFeedbackStoreTests(AzuriteServer azurite) : FeedbackStoreConformanceTests, IClassFixture<AzuriteServer>
{
    private static int _counter;

    // A fresh prefix per test: each test sees an empty "feedback" table.
    protected override IRecordStore CreateStore() =>
        new AzureTablesRecordStore(new TableServiceClient(azurite.ConnectionString), "fb" + Interlocked.Increment(ref _counter));
}
