namespace EngageBot.Channels.Outbox;

/// <summary>
/// When the bot is added anywhere on a platform, the messages waiting for it there are tried again at once. Any
/// addition counts, not only the waiting conversation's: installing a Teams app in a team announces one channel,
/// yet makes every channel of the team reachable.
/// </summary>
internal sealed class OutboxBotAddedHandler(OutboxStore store, OutboxSignal signal, TimeProvider time, ILogger<OutboxBotAddedHandler> logger) : IChatEventHandler
{
    public async Task HandleAsync(ChatEvent chatEvent, CancellationToken cancellationToken)
    {
        if (chatEvent is not BotMembershipChanged { Added: true } added)
            return;
        foreach (var queue in await store.TakeWaitingAsync(added.Platform, cancellationToken))
        {
            var now = time.GetUtcNow();
            foreach (var head in await store.HeadAsync(queue, 1, cancellationToken))
            {
                if (head.NextAttemptAt > now && head.LastError?.StartsWith(OutboxDelivery.AwaitingBotPrefix, StringComparison.Ordinal) == true)
                    await store.TryUpdateAsync(head with { NextAttemptAt = now }, cancellationToken);
            }
            logger.LogInformation("The bot was added to {Platform} {Channel}: retrying waiting queue {Queue}.", added.Platform, added.Conversation.ChannelId, queue);
            signal.Notify(queue);
        }
    }
}
