namespace EngageBot.Channels.Playground;

/// <summary>
/// The playground's outbound side: the outbox delivers here as it does to Slack or Teams, and the message appears in
/// the transcript (and on every open page). Cards are kept as the expanded Adaptive Card; the page renders them with
/// Microsoft's renderer, so inputs live in the card itself and no form needs opening (as on Teams).
/// </summary>
public sealed class PlaygroundChatChannel(PlaygroundTranscript transcript) : IChatChannel
{
    public ChatPlatform Platform => PlaygroundPlatform.Id;

    public Task<DeliveryResult> DeliverAsync(DeliveryTarget target, OutboundMessage message, CancellationToken cancellationToken)
    {
        var bot = PlaygroundAuthor.Bot;
        MessageRef? delivered = target.Kind switch
        {
            DeliveryKind.Post => Posted(Conversation(target), transcript.Add(Conversation(target).ChannelId, Conversation(target).ThreadId, bot, message.Text, message.Card)),
            DeliveryKind.DirectMessage => Direct(Required(target.UserId), message),
            DeliveryKind.Ephemeral => Posted(Conversation(target),
                transcript.Add(Conversation(target).ChannelId, Conversation(target).ThreadId, bot, message.Text, message.Card, visibleTo: Required(target.UserId))),
            DeliveryKind.Update => Updated(target, message),
            DeliveryKind.Reaction => Reacted(target, message),
            _ => throw new DeliveryException($"The playground cannot deliver {target.Kind}.", permanent: true),
        };
        return Task.FromResult(new DeliveryResult(delivered));
    }

    public Task<bool> OpenFormAsync(string triggerId, OutboundMessage form, CancellationToken cancellationToken) => Task.FromResult(false);

    public string PacingKey(DeliveryTarget target) => target.Conversation?.ChannelId ?? target.UserId ?? "";

    private MessageRef Direct(string userId, OutboundMessage message)
    {
        var dm = new ConversationRef(Platform, PlaygroundWorld.DirectChannel(userId));
        return Posted(dm, transcript.Add(dm.ChannelId, null, PlaygroundAuthor.Bot, message.Text, message.Card));
    }

    private MessageRef Updated(DeliveryTarget target, OutboundMessage message)
    {
        var conversation = Conversation(target);
        var id = Required(target.MessageId);
        _ = transcript.Replace(conversation.ChannelId, id, message.Text, message.Card)
            ?? throw new DeliveryException($"Message {id} is not in playground channel {conversation.ChannelId}.", permanent: true);
        return new MessageRef(conversation, id);
    }

    private MessageRef? Reacted(DeliveryTarget target, OutboundMessage message)
    {
        var conversation = Conversation(target);
        _ = transcript.React(conversation.ChannelId, Required(target.MessageId), message.Text.Trim(':', ' '), PlaygroundAuthor.Bot.Id, added: true)
            ?? throw new DeliveryException($"Message {target.MessageId} is not in playground channel {conversation.ChannelId}.", permanent: true);
        return null;
    }

    private static MessageRef Posted(ConversationRef conversation, PlaygroundMessage message) =>
        new(conversation with { ThreadId = message.ThreadId }, message.Id);

    private static ConversationRef Conversation(DeliveryTarget target) =>
        target.Conversation ?? throw new DeliveryException($"A playground {target.Kind} needs a conversation.", permanent: true);

    private static string Required(string? value) =>
        value ?? throw new DeliveryException("The playground delivery lacks a message or user id.", permanent: true);
}
