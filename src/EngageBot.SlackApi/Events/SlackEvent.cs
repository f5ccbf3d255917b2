using System.Text.Json.Serialization;

namespace EngageBot.SlackApi.Events;

/// <summary>
/// One inner event, flat across the kinds we handle (message and its subtypes, app_mention, reaction_*,
/// member_*_channel): Slack's shapes overlap heavily and a flat record keeps unknown kinds readable.
/// <c>user</c> and <c>channel</c> are strings in these events but objects in others, hence the tolerant converter.
/// </summary>
public sealed record SlackEvent
{
    public string Type { get; init; } = "";
    public string? Subtype { get; init; }
    [JsonConverter(typeof(StringOrIdConverter))] public string? User { get; init; }
    public string? BotId { get; init; }
    public string? AppId { get; init; }
    public string? Username { get; init; }
    public string? Text { get; init; }
    public string? Ts { get; init; }
    public string? ThreadTs { get; init; }
    public string? EventTs { get; init; }
    [JsonConverter(typeof(StringOrIdConverter))] public string? Channel { get; init; }
    public string? ChannelType { get; init; }
    public string? Team { get; init; }
    public string? UserTeam { get; init; }
    public string? SourceTeam { get; init; }
    public bool? Hidden { get; init; }

    /// <summary>message_changed: the message as it is now; message_replied: the parent.</summary>
    public SlackEvent? Message { get; init; }
    public SlackEvent? PreviousMessage { get; init; }
    /// <summary>message_deleted: the ts of the message that is gone.</summary>
    public string? DeletedTs { get; init; }

    public string? Reaction { get; init; }
    public SlackEventItem? Item { get; init; }
    public string? ItemUser { get; init; }

    public string? Inviter { get; init; }

    public bool IsThreadReply => ThreadTs is not null && ThreadTs != Ts;
}

/// <summary>What a reaction was added to: usually <c>{"type":"message","channel":"C…","ts":"…"}</c>.</summary>
public sealed record SlackEventItem
{
    public string Type { get; init; } = "";
    public string? Channel { get; init; }
    public string? Ts { get; init; }
}
