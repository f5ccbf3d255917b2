namespace EngageBot.Channels;

/// <summary>
/// Where adapters put inbound events before acknowledging the platform (Slack's 3-second rule):
/// stored durably, deduplicated on <see cref="ChatEvent.DedupKey"/>, then handed to every
/// <see cref="IChatEventHandler"/> in the background, surviving restarts.
/// </summary>
public interface IInbox
{
    /// <summary>Stores the event; false if an event with the same dedup key was already accepted.</summary>
    Task<bool> AcceptAsync(ChatEvent chatEvent, CancellationToken cancellationToken = default);
}
