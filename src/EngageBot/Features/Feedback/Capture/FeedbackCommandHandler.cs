using EngageBot.Cards;
using EngageBot.Channels;
using EngageBot.Features.Directory;

namespace EngageBot.Features.Feedback.Capture;

/// <summary>
/// "feedback [TEXT]" in a partner's channel: sends the person who typed it the log form, prefilled with TEXT, privately
/// (Slack: an ephemeral message whose button opens the form; Teams, which has no ephemeral messages: a direct message).
/// </summary>
public sealed class FeedbackCommandHandler(IPartnerDirectory directory, IOutbox outbox, CardLibrary cards) : IChatEventHandler
{
    public const string Word = BotCommands.Feedback;

    public async Task HandleAsync(ChatEvent chatEvent, CancellationToken cancellationToken)
    {
        if (chatEvent is not CommandInvoked command || command.Actor is not { } actor) return;
        var (word, text) = BotCommands.Read(command);
        if (!word.Equals(Word, StringComparison.OrdinalIgnoreCase)) return;

        var reply = await FormAsync(command, actor, text, cancellationToken);
        await outbox.EnqueueAsync($"feedback.command:{command.DedupKey}", DeliveryTarget.Ephemeral(command.Conversation, actor.Id), reply, cancellationToken);
    }

    private async Task<OutboundMessage> FormAsync(CommandInvoked command, ChatUser actor, string text, CancellationToken ct)
    {
        if (actor.Kind != AuthorKind.Internal) return new OutboundMessage(FeedbackReplies.InternalOnly);
        if (command.IsDirect) return new OutboundMessage("Run feedback in the partner's channel, or use “Log as partner feedback” on one of their messages.");
        var snapshot = await directory.GetSnapshotAsync(ct);
        if (snapshot.PartnerIdByChannel(command.Platform, command.Conversation.ChannelId) is not { } partnerId || snapshot.Partner(partnerId) is not { } partner)
            return new OutboundMessage(FeedbackReplies.NotAPartnerChannel);

        var source = $"{command.Platform}|{command.Conversation.ChannelId}|command:{command.DedupKey}";
        var draft = new FeedbackDraft(partner.Id, source, SourceMessage: null, Author: null, text);
        return new OutboundMessage($"Log feedback from {partner.Name}: fill in the form (only you can see it).", FeedbackForm.Expand(cards, draft, partner));
    }
}
