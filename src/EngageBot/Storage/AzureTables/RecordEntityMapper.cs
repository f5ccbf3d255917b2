using Azure;
using EngageBot.Tables;

namespace EngageBot.Storage.AzureTables;

/// <summary>Port records ↔ Table entities; keys are escaped on the way in and unescaped on the way out.</summary>
internal static class RecordEntityMapper
{
    public static TableEntity ToEntity(StorageRecord record)
    {
        var entity = new TableEntity(StorageKeys.Escape(record.PartitionKey), StorageKeys.Escape(record.RowKey));
        foreach (var (name, value) in record.Properties)
            if (value is not null) entity[name] = value;
        return entity;
    }

    public static StorageRecord ToRecord(TableEntity entity) =>
        new(StorageKeys.Unescape(entity.PartitionKey), StorageKeys.Unescape(entity.RowKey),
            entity.Properties.ToDictionary(p => p.Key, p => p.Value, StringComparer.Ordinal),
            entity.ETag == default ? null : entity.ETag.ToString());

    public static ETag IfMatch(string? etag) => etag is null ? ETag.All : new ETag(etag);
}
