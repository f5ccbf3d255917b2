using System.Collections;
using Azure;

namespace EngageBot.Tables;

/// <summary>
/// A schemaless entity: system properties plus a dictionary of typed values (string, int, long, double,
/// bool, DateTimeOffset, DateTime, Guid, byte[]), as Azure.Data.Tables' TableEntity.
/// </summary>
public sealed class TableEntity : IDictionary<string, object?>
{
    private readonly Dictionary<string, object?> _properties = new(StringComparer.Ordinal);

    public TableEntity() { }

    public TableEntity(string partitionKey, string rowKey)
    {
        PartitionKey = partitionKey;
        RowKey = rowKey;
    }

    public TableEntity(IDictionary<string, object?> values)
    {
        foreach (var (k, v) in values) this[k] = v;
    }

    public string PartitionKey { get; set; } = "";
    public string RowKey { get; set; } = "";
    public DateTimeOffset? Timestamp { get; set; }
    public ETag ETag { get; set; }

    public object? this[string key]
    {
        get => key switch
        {
            "PartitionKey" => PartitionKey,
            "RowKey" => RowKey,
            "Timestamp" => Timestamp,
            _ => _properties.GetValueOrDefault(key),
        };
        set
        {
            switch (key)
            {
                case "PartitionKey": PartitionKey = (string)value!; break;
                case "RowKey": RowKey = (string)value!; break;
                case "Timestamp": Timestamp = value as DateTimeOffset?; break;
                case "odata.etag": ETag = new ETag((string)value!); break;
                default: _properties[key] = value; break;
            }
        }
    }

    /// <summary>The custom (non-system) properties.</summary>
    public IReadOnlyDictionary<string, object?> Properties => _properties;

    public string? GetString(string key) => this[key] as string;
    public long? GetInt64(string key) => this[key] switch { long l => l, int i => i, _ => null };
    public int? GetInt32(string key) => this[key] as int?;
    public double? GetDouble(string key) => this[key] as double?;
    public bool? GetBoolean(string key) => this[key] as bool?;
    public DateTimeOffset? GetDateTimeOffset(string key) => this[key] switch { DateTimeOffset d => d, DateTime d => new DateTimeOffset(DateTime.SpecifyKind(d, DateTimeKind.Utc)), _ => null };
    public Guid? GetGuid(string key) => this[key] as Guid?;
    public byte[]? GetBinary(string key) => this[key] as byte[];

    public ICollection<string> Keys => _properties.Keys;
    public ICollection<object?> Values => _properties.Values;
    public int Count => _properties.Count;
    public bool IsReadOnly => false;
    public void Add(string key, object? value) => this[key] = value;
    public bool ContainsKey(string key) => _properties.ContainsKey(key);
    public bool Remove(string key) => _properties.Remove(key);
    public bool TryGetValue(string key, out object? value) => _properties.TryGetValue(key, out value);
    public void Add(KeyValuePair<string, object?> item) => this[item.Key] = item.Value;
    public void Clear() => _properties.Clear();
    public bool Contains(KeyValuePair<string, object?> item) => ((ICollection<KeyValuePair<string, object?>>)_properties).Contains(item);
    public void CopyTo(KeyValuePair<string, object?>[] array, int arrayIndex) => ((ICollection<KeyValuePair<string, object?>>)_properties).CopyTo(array, arrayIndex);
    public bool Remove(KeyValuePair<string, object?> item) => ((ICollection<KeyValuePair<string, object?>>)_properties).Remove(item);
    public IEnumerator<KeyValuePair<string, object?>> GetEnumerator() => _properties.GetEnumerator();
    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
}
