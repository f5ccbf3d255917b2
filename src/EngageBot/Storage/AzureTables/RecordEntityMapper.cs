using Azure;
using Azure.Data.Tables;

namespace EngageBot.Storage.AzureTables;

/// <summary>
/// Port records ↔ SDK entities; keys are escaped on the way in and unescaped on the way out. The SDK sends Int64,
/// DateTime, Guid and Binary with their Edm type (Int64 as a string, so values beyond 2^53 survive) and DateTime with
/// all seven fractional digits; the conformance suite checks every type round-trips exactly. TableEntity's getters
/// accept DateTime and BinaryData as well, so <see cref="ReadValue"/> narrows those to the port's one type per Edm type.
/// </summary>
internal static class RecordEntityMapper
{
    public static TableEntity ToEntity(StorageRecord record)
    {
        var entity = new TableEntity(StorageKeys.Escape(record.PartitionKey), StorageKeys.Escape(record.RowKey));
        foreach (var (name, value) in record.Properties)
            if (value is not null) entity[name] = value;
        return entity;
    }

    public static StorageRecord ToRecord(TableEntity entity)
    {
        var properties = new Dictionary<string, object?>(StringComparer.Ordinal);
        foreach (var (name, value) in entity)
            if (name is not ("PartitionKey" or "RowKey" or "Timestamp" or "odata.etag") && value is not null)
                properties[name] = ReadValue(value);
        return new(StorageKeys.Unescape(entity.PartitionKey), StorageKeys.Unescape(entity.RowKey), properties,
            entity.ETag == default ? null : entity.ETag.ToString());
    }

    public static ETag IfMatch(string? etag) => etag is null ? ETag.All : new ETag(etag);

    private static object ReadValue(object value) => value switch
    {
        DateTime d => new DateTimeOffset(d.Kind == DateTimeKind.Local ? d.ToUniversalTime() : DateTime.SpecifyKind(d, DateTimeKind.Utc)),
        DateTimeOffset d => d.ToUniversalTime(),
        BinaryData b => b.ToArray(),
        _ => value,
    };
}
