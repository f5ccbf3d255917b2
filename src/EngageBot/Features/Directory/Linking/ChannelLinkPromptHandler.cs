using EngageBot.Cards;
using EngageBot.Channels;
using EngageBot.Features.Directory.Model;

namespace EngageBot.Features.Directory.Linking;

/// <summary>
/// When the bot is added to a channel the directory does not know (no partner's shared channel, no internal triage
/// channel), asks who it belongs to: the internal person who added
/// it, or else every admin, gets the channel-link card in a direct message. One DM per person per add event,
/// however often the event is redelivered (the outbox deduplicates on the key).
/// </summary>
public sealed class ChannelLinkPromptHandler(IPartnerDirectory directory, IOutbox outbox, CardLibrary cards, ILogger<ChannelLinkPromptHandler> logger) : IChatEventHandler
{
    public async Task HandleAsync(ChatEvent chatEvent, CancellationToken cancellationToken)
    {
        if (chatEvent is not BotMembershipChanged { Added: true } added) return;
        var platform = added.Platform;
        var channelId = added.Conversation.ChannelId;
        var snapshot = await directory.GetSnapshotAsync(cancellationToken);
        if (snapshot.IsKnownChannel(platform, channelId))
        {
            logger.LogInformation("Added to {Platform} channel {ChannelId}, which the directory already knows; nobody is asked to link it.", platform, channelId);
            return;
        }
        if (snapshot.Partners.Count == 0)
        {
            logger.LogWarning("Added to {Platform} channel {ChannelId}, but no partners are imported yet to link it to.", platform, channelId);
            return;
        }

        var actor = added.Actor is { } user ? PlatformIdentity.Find(snapshot, platform, user) : null;
        var recipients = actor?.UserIdOn(platform) is not null
            ? [actor]
            : snapshot.PeopleInRole(PersonRole.Admin).Where(p => p.UserIdOn(platform) is not null).ToList();
        if (recipients.Count == 0)
        {
            logger.LogWarning("Added to unclaimed {Platform} channel {ChannelId}, but no admin has a {Platform} id in the directory to ask.", platform, channelId, platform);
            return;
        }

        var card = ChannelLinkCard.Question(cards, platform, channelId, added.ChannelName, snapshot.Partners);
        var text = $"EngageBot was added to {(added.ChannelName is { } name ? "#" + name : channelId)}. Which partner is it for?";
        foreach (var person in recipients)
        {
            await outbox.EnqueueAsync(
                $"directory.channel-link:{added.DedupKey}:{person.Id}",
                DeliveryTarget.Direct(platform, person.UserIdOn(platform)!),
                new OutboundMessage(text, card.DeepClone().AsObject()),
                cancellationToken);
        }
    }
}
