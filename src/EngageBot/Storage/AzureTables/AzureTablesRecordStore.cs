using Microsoft.Extensions.Options;

namespace EngageBot.Storage.AzureTables;

/// <summary>The production adapter on Azure Table Storage (placeholder until the Tables client lands).</summary>
public sealed class AzureTablesRecordStore(IOptions<StorageOptions> options) : IRecordStore
{
    public IRecordTable Table(string name) =>
        throw new NotSupportedException($"Azure Table Storage is not wired yet ({options.Value.TablePrefix}{name}).");
}
