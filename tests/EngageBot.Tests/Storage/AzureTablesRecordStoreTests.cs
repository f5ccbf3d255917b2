using EngageBot.Storage;
using EngageBot.Storage.AzureTables;
using Azure.Data.Tables;
using EngageBot.TestSupport;

namespace EngageBot.Tests.Storage;

/// <summary>The same contract on Azure Table Storage, served by a real Azurite on loopback.</summary>
public sealed class AzureTablesRecordStoreTests(AzuriteServer azurite) : RecordStoreConformanceTests, IClassFixture<AzuriteServer>
{
    protected override IRecordStore CreateStore() => new AzureTablesRecordStore(new TableServiceClient(azurite.ConnectionString), "conf");
}
