using EngageBot.Features.Directory;
using EngageBot.Features.Interactions;

namespace EngageBot.Channels.Outbox;

/// <summary>
/// Appends every delivered message to the interaction log as the bot's. New messages are identified by their
/// platform id; updates and reactions (which reuse another message's id) by their idempotency key.
/// </summary>
internal sealed class OutboundInteractionRecorder(IInteractionLog? log = null, IDirectoryLookup? directory = null)
{
    public const string BotAuthorId = "engagebot";

    public bool Enabled => log is not null;

    public async Task RecordAsync(string idempotencyKey, DeliveryTarget target, OutboundMessage message, MessageRef? delivered, DateTimeOffset at, CancellationToken cancellationToken)
    {
        if (log is null)
            return;
        var conversation = delivered?.Conversation ?? target.Conversation;
        var channelId = conversation?.ChannelId ?? target.UserId ?? "";
        var newMessage = target.Kind is DeliveryKind.Post or DeliveryKind.DirectMessage or DeliveryKind.Ephemeral;
        var messageId = newMessage && delivered is not null ? delivered.MessageId : idempotencyKey;
        var kind = target.Kind switch
        {
            DeliveryKind.Post => conversation?.ThreadId is null ? "message" : "reply",
            DeliveryKind.DirectMessage => "direct",
            DeliveryKind.Ephemeral => "ephemeral",
            DeliveryKind.Update => "update",
            _ => "reaction",
        };
        // A partner's shared channel names its partner; a triage channel or a DM only through what the sender says.
        var partnerId = message.PartnerId
            ?? (directory is null || conversation is null ? null : await directory.FindPartnerIdByChannelAsync(target.Platform, conversation.ChannelId, cancellationToken));
        await log.AppendAsync(new Interaction(target.Platform, channelId, conversation?.ThreadId, messageId, partnerId, BotAuthorId, "EngageBot",
            AuthorKind.Bot, message.Text, at, kind, InteractionDirection.Outbound), cancellationToken);
    }
}
