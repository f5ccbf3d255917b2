using EngageBot.Hosting.Telemetry;

namespace EngageBot.Channels.Inbox;

/// <summary>Stores an event durably (deduplicated) and wakes this instance's processor at once.</summary>
internal sealed class Inbox(InboxStore store, InboxSignal signal, IntakePriority priority, TimeProvider time) : IInbox
{
    public async Task<bool> AcceptAsync(ChatEvent chatEvent, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(chatEvent);
        if (string.IsNullOrWhiteSpace(chatEvent.DedupKey))
            throw new ArgumentException("A chat event needs a dedup key (Slack event_id, Teams activity id).", nameof(chatEvent));
        if (string.IsNullOrWhiteSpace(chatEvent.Conversation.ChannelId))
            throw new ArgumentException("A chat event needs a conversation channel id.", nameof(chatEvent));
        using var accepting = priority.Accepting();
        var added = await store.AddAsync(chatEvent, time.GetUtcNow(), cancellationToken);
        EngageBotMetrics.EventAccepted(chatEvent.Conversation.Platform, added);
        if (added)
            signal.Pulse();
        return added;
    }
}
