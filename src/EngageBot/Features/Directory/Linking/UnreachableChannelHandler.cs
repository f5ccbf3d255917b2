using EngageBot.Channels;
using EngageBot.Features.Directory.Model;

namespace EngageBot.Features.Directory.Linking;

/// <summary>
/// Messages for a partner's channel (its shared channel or its internal triage channel) wait because the bot is not
/// there yet: the partner's owner is told once per channel, by direct message on that platform (else another they are on),
/// what to do. The messages themselves are sent once the bot is added, so nothing else is asked of anyone.
/// </summary>
public sealed class UnreachableChannelHandler(IPartnerDirectory directory, IOutbox outbox, ILogger<UnreachableChannelHandler> logger) : IConversationUnreachableHandler
{
    public async Task HandleAsync(ConversationRef conversation, string reason, CancellationToken cancellationToken)
    {
        var platform = conversation.Platform;
        var channelId = conversation.ChannelId;
        var snapshot = await directory.GetSnapshotAsync(cancellationToken);
        var shared = snapshot.PartnerIdByChannel(platform, channelId) is { } owner ? snapshot.Partner(owner) : null;
        var partners = shared is not null ? [shared] : snapshot.TriagePartners(platform, channelId);
        if (partners.Count == 0)
        {
            logger.LogWarning("Messages for {Platform} channel {ChannelId} wait for the bot to be added there; no partner in the directory names that channel, so nobody is told.", platform, channelId);
            return;
        }

        var what = shared is not null ? $"the shared channel of {shared.Name}" : $"the internal triage channel of {string.Join(", ", partners.Select(p => p.Name))}";
        var text = $"EngageBot cannot post to the {platform} channel {channelId} ({what}) yet: {reason} "
            + "Messages for it are waiting and will be sent as soon as EngageBot is added there.";
        foreach (var person in partners.Select(p => snapshot.Person(p.OwnerId)).OfType<Person>().DistinctBy(p => p.Id))
        {
            var address = Address(person, platform);
            if (address is null)
            {
                logger.LogWarning("Cannot tell {PersonId} that {Platform} channel {ChannelId} is unreachable: they have no chat user id in the directory.", person.Id, platform, channelId);
                continue;
            }
            await outbox.EnqueueAsync($"directory.unreachable:{platform}:{channelId}:{person.Id}", address, new OutboundMessage(text), cancellationToken);
        }
    }

    private static DeliveryTarget? Address(Person person, ChatPlatform platform) =>
        person.Identities.Preferring(platform) is { } id ? DeliveryTarget.Direct(id.Platform, id.UserId) : null;
}
