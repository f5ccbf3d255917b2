using Azure.Data.Tables;

namespace EngageBot.Storage.AzureTables;

/// <summary>A <see cref="RecordQuery"/> as an OData $filter on the escaped keys; null when it selects everything.</summary>
internal static class RangeFilter
{
    public static string? Of(RecordQuery query)
    {
        var clauses = new List<string>(3);
        if (query.PartitionKey is { } pk) clauses.Add(TableClient.CreateQueryFilter($"PartitionKey eq {StorageKeys.Escape(pk)}"));
        if (query.RowKeyFrom is { } from) clauses.Add(TableClient.CreateQueryFilter($"RowKey ge {StorageKeys.Escape(from)}"));
        if (query.RowKeyBefore is { } before) clauses.Add(TableClient.CreateQueryFilter($"RowKey lt {StorageKeys.Escape(before)}"));
        return clauses.Count == 0 ? null : string.Join(" and ", clauses);
    }
}
