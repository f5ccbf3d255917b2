using System.Text.RegularExpressions;

namespace EngageBot.Storage;

/// <summary>
/// Table Storage's entity limits, checked by every adapter before writing, so a record SQLite accepts is one
/// Azure accepts too: keys ≤ 512 characters (Azurite's limit; the service allows 1 KiB) after escaping,
/// ≤ 252 custom properties named like C# identifiers (not the system names), strings ≤ 32K characters,
/// binary ≤ 64 KiB.
/// </summary>
public static partial class RecordRules
{
    public const int MaxKeyLength = 512;
    public const int MaxProperties = 252;
    public const int MaxStringLength = 32 * 1024;
    public const int MaxBinaryLength = 64 * 1024;

    public static void Check(StorageRecord record)
    {
        CheckKey(record.PartitionKey, "partition key");
        CheckKey(record.RowKey, "row key");
        if (record.Properties.Count > MaxProperties)
            throw new ArgumentException($"A record holds at most {MaxProperties} properties, not {record.Properties.Count}.", nameof(record));
        foreach (var (name, value) in record.Properties)
        {
            if (!PropertyName().IsMatch(name) || name is "PartitionKey" or "RowKey" or "Timestamp" or "ETag")
                throw new ArgumentException($"'{name}' is not a valid property name (letters, digits and _, starting with a letter or _, at most 255; not a system name).", nameof(record));
            switch (value)
            {
                case string s when s.Length > MaxStringLength:
                    throw new ArgumentException($"Property '{name}' is {s.Length} characters; Table Storage allows {MaxStringLength}.", nameof(record));
                case byte[] b when b.Length > MaxBinaryLength:
                    throw new ArgumentException($"Property '{name}' is {b.Length} bytes; Table Storage allows {MaxBinaryLength}.", nameof(record));
                case null or string or int or long or double or bool or DateTimeOffset or Guid or byte[]:
                    break;
                default:
                    throw new ArgumentException($"Property '{name}' has unsupported type {value.GetType().Name}.", nameof(record));
            }
        }
    }

    private static void CheckKey(string key, string what)
    {
        ArgumentNullException.ThrowIfNull(key);
        if (StorageKeys.EscapedLength(key) > MaxKeyLength)
            throw new ArgumentException($"The {what} is longer than {MaxKeyLength} characters (after escaping).", what);
    }

    [GeneratedRegex("^[A-Za-z_][A-Za-z0-9_]{0,254}$")]
    private static partial Regex PropertyName();
}
