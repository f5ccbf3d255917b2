namespace EngageBot.Channels.Outbox;

/// <summary>
/// Refers to a message by the idempotency key it was enqueued with, before the platform has given it an id:
/// "post a triage card, later update it in place". The sender resolves the reference when it sends, waiting
/// while the referenced message is still queued and failing permanently if that one failed.
/// </summary>
public static class OutboxReference
{
    private const string Prefix = "outbox:";

    /// <summary>A <see cref="DeliveryTarget.MessageId"/> standing for the message enqueued with <paramref name="idempotencyKey"/>.</summary>
    public static string MessageId(string idempotencyKey) => Prefix + idempotencyKey;

    /// <summary>Updates (replaces) the message enqueued with <paramref name="idempotencyKey"/> in <paramref name="conversation"/>.</summary>
    public static DeliveryTarget Update(ConversationRef conversation, string idempotencyKey) =>
        new(DeliveryKind.Update, conversation.Platform, conversation, MessageId(idempotencyKey));

    /// <summary>Reacts to the message enqueued with <paramref name="idempotencyKey"/>.</summary>
    public static DeliveryTarget React(ConversationRef conversation, string idempotencyKey) =>
        new(DeliveryKind.Reaction, conversation.Platform, conversation, MessageId(idempotencyKey));

    public static bool TryParse(string? messageId, out string idempotencyKey)
    {
        idempotencyKey = messageId is not null && messageId.StartsWith(Prefix, StringComparison.Ordinal) ? messageId[Prefix.Length..] : "";
        return idempotencyKey.Length > 0;
    }
}
