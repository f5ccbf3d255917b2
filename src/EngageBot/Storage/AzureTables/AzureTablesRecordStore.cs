using System.Collections.Concurrent;
using Azure.Data.Tables;
using Azure.Identity;
using Microsoft.Extensions.Options;

namespace EngageBot.Storage.AzureTables;

/// <summary>
/// The production adapter on Azure Table Storage, through the official Azure.Data.Tables SDK. Logical table "x" is
/// Azure table "{TablePrefix}x", created on first use. Auth: the connection string (shared key, or
/// UseDevelopmentStorage=true for Azurite), or Microsoft Entra ID (DefaultAzureCredential: managed identity in
/// Azure) when only TableEndpoint is set. Building the client does no I/O.
/// </summary>
public sealed class AzureTablesRecordStore : IRecordStore
{
    private readonly TableServiceClient _service;
    private readonly string _prefix;
    private readonly ConcurrentDictionary<string, AzureTablesRecordTable> _tables = new(StringComparer.OrdinalIgnoreCase);

    [ActivatorUtilitiesConstructor]
    public AzureTablesRecordStore(IOptions<StorageOptions> options)
        : this(CreateClient(options.Value), options.Value.TablePrefix)
    {
    }

    public AzureTablesRecordStore(TableServiceClient service, string tablePrefix)
    {
        _service = service;
        _prefix = tablePrefix;
    }

    public IRecordTable Table(string name) =>
        _tables.GetOrAdd(name, n => new AzureTablesRecordTable(_service.GetTableClient(TableNames.Validate(_prefix + TableNames.Validate(n))), n));

    private static TableServiceClient CreateClient(StorageOptions options) =>
        !string.IsNullOrWhiteSpace(options.ConnectionString)
            ? new TableServiceClient(options.ConnectionString, new TableClientOptions())
            : new TableServiceClient(new Uri(options.TableEndpoint!), new DefaultAzureCredential(), new TableClientOptions());
}
