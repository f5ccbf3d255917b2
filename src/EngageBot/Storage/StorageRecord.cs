namespace EngageBot.Storage;

/// <summary>
/// One stored record, in Table Storage's entity model (partition key, row key, typed properties, ETag)
/// so every adapter holds it natively. Property values are string, int, long, double, bool,
/// DateTimeOffset, Guid or byte[]; null values are not stored.
/// </summary>
public sealed record StorageRecord(
    string PartitionKey,
    string RowKey,
    IReadOnlyDictionary<string, object?> Properties,
    string? ETag = null)
{
    public StorageRecord(string partitionKey, string rowKey)
        : this(partitionKey, rowKey, new Dictionary<string, object?>()) { }

    public string? GetString(string name) => Properties.TryGetValue(name, out var v) ? v as string : null;

    public long? GetInt64(string name) => Properties.TryGetValue(name, out var v) ? v switch
    {
        long l => l,
        int i => i,
        _ => null,
    } : null;

    public DateTimeOffset? GetDateTime(string name) =>
        Properties.TryGetValue(name, out var v) && v is DateTimeOffset d ? d : null;

    public bool? GetBoolean(string name) => Properties.TryGetValue(name, out var v) && v is bool b ? b : null;
}
