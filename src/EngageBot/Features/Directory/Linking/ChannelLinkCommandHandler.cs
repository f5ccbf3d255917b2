using EngageBot.Cards;
using EngageBot.Channels;

namespace EngageBot.Features.Directory.Linking;

/// <summary>
/// "link" in a channel: sends the asker the channel-link card by direct message (the same card, and the same answer
/// handler, as when the bot is added to an unclaimed channel), so a channel whose prompt went unanswered, or was
/// linked to the wrong partner, can be linked later. Only people in the directory may link; a channel the
/// directory file assigns (a partner's channel or an internal triage channel) is changed in the file.
/// </summary>
public sealed class ChannelLinkCommandHandler(IPartnerDirectory directory, IOutbox outbox, CardLibrary cards) : IChatEventHandler
{
    public async Task HandleAsync(ChatEvent chatEvent, CancellationToken cancellationToken)
    {
        if (chatEvent is not CommandInvoked command || command.Actor is not { } actor) return;
        if (!BotCommands.Read(command).Word.Equals(BotCommands.Link, StringComparison.OrdinalIgnoreCase)) return;

        var platform = command.Platform;
        var channelId = command.Conversation.ChannelId;
        var snapshot = await directory.GetSnapshotAsync(cancellationToken);
        var person = PlatformIdentity.Find(snapshot, platform, actor);
        string reply;
        if (person?.UserIdOn(platform) is not { } personUserId)
            reply = "Only people in the EngageBot directory can link channels to partners.";
        else if (command.IsDirect)
            reply = "Run link in the channel you want to link to a partner.";
        else if (snapshot.FilePartnerByChannel(platform, channelId) is { } fileOwner)
            reply = ChannelLinkCard.AlreadyClaimedText(platform, channelId, channelName: null, fileOwner);
        else if (snapshot.TriagePartners(platform, channelId) is { Count: > 0 } triageOf)
            reply = ChannelLinkCard.TriageChannelText(platform, channelId, channelName: null, triageOf);
        else if (snapshot.Partners.Count == 0)
            reply = "No partners are imported yet: import the directory file first (engagebot directory import).";
        else
        {
            var current = snapshot.PartnerIdByChannel(platform, channelId) is { } linked ? snapshot.Partner(linked) : null;
            var card = ChannelLinkCard.Question(cards, platform, channelId, channelName: null, snapshot.Partners);
            var text = current is null
                ? "Which partner is this channel for? Choose below."
                : $"This channel is linked to {current.Name} ({current.Id}). Choose below to link it to another partner.";
            await outbox.EnqueueAsync($"directory.channel-link:{command.DedupKey}:{person.Id}",
                DeliveryTarget.Direct(platform, personUserId), new OutboundMessage(text, card), cancellationToken);
            reply = "I've sent you a card by direct message to choose the partner.";
        }
        await outbox.EnqueueAsync($"directory.channel-link.reply:{command.DedupKey}", DeliveryTarget.Ephemeral(command.Conversation, actor.Id),
            new OutboundMessage(reply), cancellationToken);
    }
}
