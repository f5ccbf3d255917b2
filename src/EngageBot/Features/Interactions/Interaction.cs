using EngageBot.Channels;

namespace EngageBot.Features.Interactions;

public enum InteractionDirection { Inbound, Outbound }

/// <summary>
/// One chat event in the audit trail. Kind is the event kind (message, reply, edit, delete, reaction, card-action, …).
/// (Platform, MessageId, Kind) identifies it, so appending the same event twice stores it once.
/// </summary>
public sealed record Interaction(
    ChatPlatform Platform,
    string ChannelId,
    string? ThreadId,
    string MessageId,
    string? PartnerId,
    string? AuthorId,
    string? AuthorName,
    AuthorKind AuthorKind,
    string? Text,
    DateTimeOffset Timestamp,
    string Kind,
    InteractionDirection Direction);
