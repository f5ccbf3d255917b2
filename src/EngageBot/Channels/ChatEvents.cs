using System.Text.Json.Nodes;

namespace EngageBot.Channels;

/// <summary>
/// An inbound event, normalized from Slack or Teams wire formats. Features only ever see these.
/// <see cref="DedupKey"/> is stable across platform retries (Slack event_id, Teams activity id).
/// </summary>
public abstract record ChatEvent(string DedupKey, DateTimeOffset Timestamp, ConversationRef Conversation, ChatUser? Actor)
{
    public ChatPlatform Platform => Conversation.Platform;
}

/// <summary>A new message: top-level when Conversation.ThreadId is null, else a thread reply. MentionsBot marks @-mentions of us.</summary>
public sealed record MessagePosted(string DedupKey, DateTimeOffset Timestamp, ConversationRef Conversation, ChatUser? Actor,
    string MessageId, string Text, bool MentionsBot = false, bool IsDirect = false)
    : ChatEvent(DedupKey, Timestamp, Conversation, Actor)
{
    public bool IsThreadReply => Conversation.ThreadId is not null && Conversation.ThreadId != MessageId;
}

public sealed record MessageEdited(string DedupKey, DateTimeOffset Timestamp, ConversationRef Conversation, ChatUser? Actor,
    string MessageId, string NewText)
    : ChatEvent(DedupKey, Timestamp, Conversation, Actor);

public sealed record MessageDeleted(string DedupKey, DateTimeOffset Timestamp, ConversationRef Conversation, ChatUser? Actor,
    string MessageId)
    : ChatEvent(DedupKey, Timestamp, Conversation, Actor);

/// <summary>A reaction on a message. Reaction is normalized to Slack's names (ticket, eyes, white_check_mark, rotating_light, triangular_flag_on_post, +1…).</summary>
public sealed record ReactionChanged(string DedupKey, DateTimeOffset Timestamp, ConversationRef Conversation, ChatUser? Actor,
    string MessageId, string Reaction, bool Added)
    : ChatEvent(DedupKey, Timestamp, Conversation, Actor);

/// <summary>A person (not us) joined or left a channel.</summary>
public sealed record MembershipChanged(string DedupKey, DateTimeOffset Timestamp, ConversationRef Conversation, ChatUser? Actor,
    ChatUser Member, bool Joined)
    : ChatEvent(DedupKey, Timestamp, Conversation, Actor);

/// <summary>The bot itself was added to or removed from a channel (Actor: who did it, when known).</summary>
public sealed record BotMembershipChanged(string DedupKey, DateTimeOffset Timestamp, ConversationRef Conversation, ChatUser? Actor,
    bool Added, string? ChannelName = null)
    : ChatEvent(DedupKey, Timestamp, Conversation, Actor);

/// <summary>
/// A button or form submission on one of our cards (Teams Action.Execute/Submit, Slack block_actions/view_submission).
/// Data holds the action's data merged with input values. SourceMessage is the card's message, for updating it in place.
/// </summary>
public sealed record CardActionInvoked(string DedupKey, DateTimeOffset Timestamp, ConversationRef Conversation, ChatUser? Actor,
    string Verb, JsonObject Data, MessageRef? SourceMessage, string? TriggerId = null)
    : ChatEvent(DedupKey, Timestamp, Conversation, Actor);

/// <summary>
/// A slash command (Slack: Command "/engagebot", Arguments "tickets acme"), a bot command typed to us in Teams or a Slack
/// global shortcut (Command "tickets", Arguments "acme"). <see cref="BotCommands.Read"/> reads both forms alike.
/// IsDirect: given in a direct chat with the bot rather than a channel (the adapter knows; features need not parse ids).
/// </summary>
public sealed record CommandInvoked(string DedupKey, DateTimeOffset Timestamp, ConversationRef Conversation, ChatUser? Actor,
    string Command, string Arguments, string? TriggerId = null, bool IsDirect = false)
    : ChatEvent(DedupKey, Timestamp, Conversation, Actor);

/// <summary>
/// A message action (Slack message shortcut, Teams message extension action) on another message. TargetAuthor: who wrote
/// that message, when the platform says (Slack user id; Teams AAD object id), classified like any actor.
/// </summary>
public sealed record MessageActionInvoked(string DedupKey, DateTimeOffset Timestamp, ConversationRef Conversation, ChatUser? Actor,
    string CallbackId, string TargetMessageId, string? TargetText, string? TriggerId = null, ChatUser? TargetAuthor = null)
    : ChatEvent(DedupKey, Timestamp, Conversation, Actor);
