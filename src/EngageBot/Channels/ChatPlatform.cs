using System.Text.Json;
using System.Text.Json.Serialization;

namespace EngageBot.Channels;

/// <summary>
/// A chat platform, by name: an open set, so a new adapter adds one without touching features. Stored and serialized
/// as its name ("Slack", "Teams", "Playground"), compared case-insensitively. What differs between platforms (command
/// prefix, thread links, pacing) is described by each adapter's <see cref="IChatPlatformDescriptor"/>, never branched on.
/// </summary>
[JsonConverter(typeof(ChatPlatformJsonConverter))]
public readonly record struct ChatPlatform : IComparable<ChatPlatform>
{
    private readonly string? _name;

    public ChatPlatform(string name)
    {
        if (string.IsNullOrWhiteSpace(name) || !name.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_'))
            throw new ArgumentException($"'{name}' is not a platform name (letters, digits, '-' and '_').", nameof(name));
        // One spelling per platform whatever the source wrote ("slack" in a card's data is Slack): names compare case-insensitively.
        _name = char.ToUpperInvariant(name[0]) + name[1..];
    }

    // The two platforms the directory file and stored rows have always named; other adapters define their own value.
    public static ChatPlatform Slack { get; } = new("Slack");
    public static ChatPlatform Teams { get; } = new("Teams");

    public string Name => _name ?? "";

    public static ChatPlatform Parse(string name) => new(name);

    public static bool TryParse(string? name, out ChatPlatform platform)
    {
        var ok = !string.IsNullOrWhiteSpace(name) && name.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_');
        platform = ok ? new ChatPlatform(name!) : default;
        return ok;
    }

    public bool Equals(ChatPlatform other) => string.Equals(Name, other.Name, StringComparison.OrdinalIgnoreCase);

    public override int GetHashCode() => StringComparer.OrdinalIgnoreCase.GetHashCode(Name);

    public int CompareTo(ChatPlatform other) => StringComparer.OrdinalIgnoreCase.Compare(Name, other.Name);

    public override string ToString() => Name;
}

/// <summary>Reads and writes a platform as its name, as the enum it replaces was stored.</summary>
public sealed class ChatPlatformJsonConverter : JsonConverter<ChatPlatform>
{
    public override ChatPlatform Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        ChatPlatform.TryParse(reader.GetString(), out var platform) ? platform : throw new JsonException($"'{reader.GetString()}' is not a platform name.");

    public override void Write(Utf8JsonWriter writer, ChatPlatform value, JsonSerializerOptions options) => writer.WriteStringValue(value.Name);

    public override ChatPlatform ReadAsPropertyName(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) => Read(ref reader, typeToConvert, options);

    public override void WriteAsPropertyName(Utf8JsonWriter writer, ChatPlatform value, JsonSerializerOptions options) => writer.WritePropertyName(value.Name);
}
