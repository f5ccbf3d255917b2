using System.Text.Json.Serialization;

namespace EngageBot.SlackApi.Events;

/// <summary>
/// What the Events API posts: <c>url_verification</c> (answer with <see cref="Challenge"/>) or <c>event_callback</c>
/// carrying one <see cref="Event"/>. <see cref="EventId"/> is the same on Slack's retries, so it is the dedup key.
/// </summary>
public sealed record SlackEventEnvelope
{
    public const string UrlVerification = "url_verification";
    public const string EventCallback = "event_callback";

    public string Type { get; init; } = "";
    public string? Challenge { get; init; }
    public string? TeamId { get; init; }
    public string? ContextTeamId { get; init; }
    public string? EnterpriseId { get; init; }
    public string? ApiAppId { get; init; }
    public SlackEvent? Event { get; init; }
    public string? EventId { get; init; }
    public long? EventTime { get; init; }
    public bool? IsExtSharedChannel { get; init; }
    public IReadOnlyList<SlackAuthorization>? Authorizations { get; init; }
}

/// <summary>The installation that sees the event; for a bot install, <see cref="UserId"/> is our bot user.</summary>
public sealed record SlackAuthorization
{
    public string? EnterpriseId { get; init; }
    public string? TeamId { get; init; }
    public string? UserId { get; init; }
    public bool IsBot { get; init; }
}

/// <summary>Slack's event <c>type</c> values this library models.</summary>
public static class SlackEventTypes
{
    public const string Message = "message";
    public const string AppMention = "app_mention";
    public const string ReactionAdded = "reaction_added";
    public const string ReactionRemoved = "reaction_removed";
    public const string MemberJoinedChannel = "member_joined_channel";
    public const string MemberLeftChannel = "member_left_channel";
}

/// <summary>Message <c>subtype</c> values with a meaning of their own.</summary>
public static class SlackMessageSubtypes
{
    public const string BotMessage = "bot_message";
    public const string MessageChanged = "message_changed";
    public const string MessageDeleted = "message_deleted";
    public const string MessageReplied = "message_replied";
    public const string ThreadBroadcast = "thread_broadcast";
    public const string FileShare = "file_share";
    public const string MeMessage = "me_message";
    public const string ChannelJoin = "channel_join";
    public const string ChannelLeave = "channel_leave";
}

