using EngageBot.Storage;
using EngageBot.Storage.AzureTables;
using Azure.Data.Tables;
using EngageBot.TestSupport;

namespace EngageBot.Tests.Interactions;

public sealed class AzureTablesInteractionStoreTests(AzuriteServer azurite) : InteractionLogConformanceTests, IClassFixture<AzuriteServer>
{
    private static int _counter;

    // A fresh prefix per test: each test sees an empty "interactions" table.
    protected override IRecordStore CreateStore() =>
        new AzureTablesRecordStore(new TableServiceClient(azurite.ConnectionString), "il" + Interlocked.Increment(ref _counter));
}
