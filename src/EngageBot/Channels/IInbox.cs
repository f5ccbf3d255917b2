namespace EngageBot.Channels;

/// <summary>
/// Where adapters put inbound events before acknowledging the platform (Slack's 3-second rule):
/// stored durably, then handed to every <see cref="IChatEventHandler"/> in the background, once per
/// <see cref="ChatEvent.DedupKey"/> however often the platform redelivers it, surviving restarts.
/// </summary>
public interface IInbox
{
    /// <summary>
    /// Stores the event; false if the same event is still waiting to be handled. A redelivery of an event already
    /// handled is stored too (true) and dropped unhandled by the background processor: the ack path makes no reads.
    /// </summary>
    Task<bool> AcceptAsync(ChatEvent chatEvent, CancellationToken cancellationToken = default);
}
