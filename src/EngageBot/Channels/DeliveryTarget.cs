namespace EngageBot.Channels;

public enum DeliveryKind { Post, Update, DirectMessage, Ephemeral, Reaction }

/// <summary>
/// Where an outbound message goes: a channel or thread (Post), an existing message (Update, Reaction),
/// a person by platform user id (DirectMessage), or one user inside a channel (Ephemeral).
/// </summary>
public sealed record DeliveryTarget(DeliveryKind Kind, ChatPlatform Platform, ConversationRef? Conversation = null, string? MessageId = null, string? UserId = null)
{
    public static DeliveryTarget Post(ConversationRef c) => new(DeliveryKind.Post, c.Platform, c);
    public static DeliveryTarget Update(MessageRef m) => new(DeliveryKind.Update, m.Conversation.Platform, m.Conversation, m.MessageId);
    public static DeliveryTarget Direct(ChatPlatform p, string userId) => new(DeliveryKind.DirectMessage, p, UserId: userId);
    public static DeliveryTarget Ephemeral(ConversationRef c, string userId) => new(DeliveryKind.Ephemeral, c.Platform, c, UserId: userId);
    public static DeliveryTarget React(MessageRef m) => new(DeliveryKind.Reaction, m.Conversation.Platform, m.Conversation, m.MessageId);
}
