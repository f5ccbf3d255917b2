using EngageBot.Storage;

namespace EngageBot.Channels.Inbox;

/// <summary>
/// Stores a long string across several properties: Table Storage caps one string property at 32K characters,
/// but a Slack message or an Adaptive Card can be longer. The entity itself is capped at 1 MB.
/// </summary>
internal static class ChunkedText
{
    private const int ChunkSize = 30_000;
    public const int MaxLength = 400_000;

    public static void Write(IDictionary<string, object?> properties, string name, string text)
    {
        if (text.Length > MaxLength)
            throw new ArgumentException($"{name} is {text.Length} characters; at most {MaxLength} can be stored.", nameof(text));
        var chunks = Math.Max(1, (text.Length + ChunkSize - 1) / ChunkSize);
        properties[name + "Chunks"] = chunks;
        for (var i = 0; i < chunks; i++)
            properties[name + i] = text.Substring(i * ChunkSize, Math.Min(ChunkSize, text.Length - i * ChunkSize));
    }

    public static string Read(StorageRecord record, string name)
    {
        var chunks = (int)(record.GetInt64(name + "Chunks") ?? 0);
        return string.Concat(Enumerable.Range(0, chunks).Select(i => record.GetString(name + i) ?? ""));
    }
}
