using EngageBot.Storage;
using EngageBot.Storage.AzureTables;
using EngageBot.TestSupport;
using Microsoft.Extensions.Options;

namespace EngageBot.Tests.Storage;

/// <summary>The adapter built from configuration, as the host builds it.</summary>
public sealed class AzureTablesRecordStoreOptionsTests(AzuriteServer azurite) : IClassFixture<AzuriteServer>
{
    [Fact]
    public async Task A_connection_string_and_prefix_from_options_reach_a_prefixed_table()
    {
        var store = new AzureTablesRecordStore(Options.Create(new StorageOptions
        {
            Provider = StorageProvider.AzureTables,
            ConnectionString = azurite.ConnectionString,
            TablePrefix = "opt",
        }));

        await store.Table("records").InsertAsync(new StorageRecord("p", "r"));

        var raw = new Azure.Data.Tables.TableServiceClient(azurite.ConnectionString).GetTableClient("optrecords");
        Assert.True((await raw.GetEntityIfExistsAsync<Azure.Data.Tables.TableEntity>("p", "r")).HasValue);
    }

    [Fact]
    public void An_entra_id_endpoint_builds_without_touching_the_network()
    {
        var store = new AzureTablesRecordStore(Options.Create(new StorageOptions
        {
            Provider = StorageProvider.AzureTables,
            TableEndpoint = "https://unreachable.table.core.windows.net",
        }));

        Assert.Equal("interactions", store.Table("interactions").Name);
    }
}
