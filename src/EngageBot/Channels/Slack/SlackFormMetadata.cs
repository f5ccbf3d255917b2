using System.Text.Json;
using System.Text.Json.Nodes;

namespace EngageBot.Channels.Slack;

/// <summary>
/// A form modal's private_metadata: the card action's data and the message whose button opened the form. Slack tells a
/// view_submission neither, and without the message the submission could not replace the card (which would still offer
/// the action just done) nor confirm where the user was.
/// </summary>
public sealed record SlackFormMetadata(JsonObject Data, MessageRef? Source)
{
    public string ToJson()
    {
        var json = new JsonObject { ["data"] = Data.DeepClone() };
        if (Source is { } s)
            json["source"] = new JsonObject { ["channel"] = s.Conversation.ChannelId, ["thread"] = s.Conversation.ThreadId, ["ts"] = s.MessageId };
        return json.ToJsonString();
    }

    /// <summary>Reads what <see cref="ToJson"/> wrote; a bare object (a modal opened before the source was kept) is the data alone.</summary>
    public static SlackFormMetadata Parse(string? json)
    {
        if (Object(json) is not { } o) return new SlackFormMetadata([], null);
        if (o["data"] is not JsonObject data) return new SlackFormMetadata(o, null);
        var source = o["source"] is JsonObject s && Text(s["channel"]) is { Length: > 0 } channel && Text(s["ts"]) is { Length: > 0 } ts
            ? new MessageRef(new ConversationRef(ChatPlatform.Slack, channel, Text(s["thread"])), ts)
            : null;
        return new SlackFormMetadata((JsonObject)data.DeepClone(), source);
    }

    private static string? Text(JsonNode? node) => node is JsonValue v && v.TryGetValue<string>(out var text) ? text : null;

    private static JsonObject? Object(string? json)
    {
        if (json is not { Length: > 1 } || json[0] != '{') return null;
        try { return JsonNode.Parse(json) as JsonObject; }
        catch (JsonException) { return null; }
    }
}
