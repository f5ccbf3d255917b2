namespace EngageBot.Storage;

/// <summary>
/// A range query: one partition (or all when null), row keys in [RowKeyFrom, RowKeyBefore),
/// at most Take records. These are the only shapes the stores need, and each maps to one
/// indexed range on both adapters.
/// </summary>
public sealed record RecordQuery
{
    public string? PartitionKey { get; init; }
    public string? RowKeyFrom { get; init; }
    public string? RowKeyBefore { get; init; }
    public int? Take { get; init; }

    public static RecordQuery Partition(string partitionKey) => new() { PartitionKey = partitionKey };

    /// <summary>Every row key in the partition that starts with <paramref name="prefix"/>.</summary>
    public static RecordQuery Prefix(string partitionKey, string prefix) => new()
    {
        PartitionKey = partitionKey,
        RowKeyFrom = prefix,
        RowKeyBefore = prefix + '\uffff',
    };
}
