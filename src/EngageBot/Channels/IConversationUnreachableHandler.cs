namespace EngageBot.Channels;

/// <summary>
/// Told when the outbox starts holding messages for a conversation the bot cannot reach yet (it was never added
/// there, or was removed). Features decide whom to tell; the messages themselves wait and are sent once the bot is added.
/// Called each time a message starts waiting, so handlers make their own notices idempotent.
/// </summary>
public interface IConversationUnreachableHandler
{
    Task HandleAsync(ConversationRef conversation, string reason, CancellationToken cancellationToken);
}
