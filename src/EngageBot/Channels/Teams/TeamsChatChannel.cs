using EngageBot.BotFramework.Connector;
using EngageBot.BotFramework.Schema;
using Microsoft.Extensions.Options;
using System.Text.Json.Nodes;

namespace EngageBot.Channels.Teams;

/// <summary>
/// Teams' outbound side, called by the outbox. Channel posts and thread replies go to the stored conversation
/// (thread: "{channel};messageid={root}"); DMs reuse or create the user's 1:1 conversation with the stored tenant and
/// service URL. Teams has no ephemeral messages, so Ephemeral falls back to a DM; bots cannot add reactions in GA
/// Teams, so Reaction is a no-op. Forms are the card itself (Action.Execute), so OpenFormAsync is false.
/// </summary>
public sealed class TeamsChatChannel(
    ConnectorClient connector,
    ConversationReferenceStore references,
    IOptions<TeamsOptions> options,
    ILogger<TeamsChatChannel> logger) : IChatChannel
{
    public ChatPlatform Platform => ChatPlatform.Teams;

    public async Task<DeliveryResult> DeliverAsync(DeliveryTarget target, OutboundMessage message, CancellationToken cancellationToken)
    {
        if (!options.Value.Enabled)
            throw new DeliveryException("Teams is not configured (EngageBot:Teams:AppId is empty).", permanent: true);
        try
        {
            return target.Kind switch
            {
                DeliveryKind.Post => await PostAsync(Require(target.Conversation), message, cancellationToken),
                DeliveryKind.Update => await UpdateAsync(Require(target.Conversation), target.MessageId, message, cancellationToken),
                DeliveryKind.DirectMessage or DeliveryKind.Ephemeral => await DirectMessageAsync(target.UserId, message, cancellationToken),
                DeliveryKind.Reaction => NoReaction(target),
                _ => throw new DeliveryException($"Teams cannot deliver {target.Kind}.", permanent: true),
            };
        }
        catch (ConnectorException e)
        {
            throw TeamsDeliveryErrors.Classify(e);
        }
    }

    public Task<bool> OpenFormAsync(string triggerId, OutboundMessage form, CancellationToken cancellationToken) => Task.FromResult(false);

    /// <summary>Teams limits sends per bot per conversation (7/s, 60/30 s), so pacing is per conversation; DMs per user.</summary>
    public string PacingKey(DeliveryTarget target) => target switch
    {
        { Kind: DeliveryKind.DirectMessage or DeliveryKind.Ephemeral, UserId: { } user } => $"teams:user:{user}",
        { Conversation: { } c } => $"teams:{c.ChannelId}",
        _ => "teams",
    };

    private async Task<DeliveryResult> PostAsync(ConversationRef conversation, OutboundMessage message, CancellationToken cancellationToken)
    {
        var reference = await ReferenceAsync(conversation, cancellationToken);
        var conversationId = TeamsConversationId.Compose(conversation);
        var response = await connector.SendToConversationAsync(reference.ServiceUrl, conversationId, ToActivity(message, reference.BotId), cancellationToken);
        return new DeliveryResult(response?.Id is { } id ? new MessageRef(conversation, id) : null);
    }

    private async Task<DeliveryResult> UpdateAsync(ConversationRef conversation, string? messageId, OutboundMessage message, CancellationToken cancellationToken)
    {
        if (messageId is not { Length: > 0 })
            throw new DeliveryException("Teams update needs the message id.", permanent: true);
        var reference = await ReferenceAsync(conversation, cancellationToken);
        await connector.UpdateActivityAsync(reference.ServiceUrl, TeamsConversationId.Compose(conversation), messageId, ToActivity(message, reference.BotId), cancellationToken);
        return new DeliveryResult(new MessageRef(conversation, messageId));
    }

    private async Task<DeliveryResult> DirectMessageAsync(string? userId, OutboundMessage message, CancellationToken cancellationToken)
    {
        if (userId is not { Length: > 0 })
            throw new DeliveryException("Teams direct message needs a user id (AAD object id or 29: id).", permanent: true);
        var user = await references.FindUserAsync(userId, cancellationToken) ?? await UnknownUserAsync(userId, cancellationToken);
        var botId = $"28:{options.Value.AppId}";
        if (user.PersonalConversationId is not { Length: > 0 })
        {
            // Proactive 1:1 (send-proactive-messages.md): bot 28:appId, the user, the tenant, isGroup false.
            var created = await connector.CreateConversationAsync(user.ServiceUrl, new ConversationParameters
            {
                IsGroup = false,
                Bot = new ChannelAccount { Id = botId },
                Members = [new ChannelAccount { Id = user.UserId }],
                TenantId = user.TenantId,
                ChannelData = new JsonObject { ["tenant"] = new JsonObject { ["id"] = user.TenantId } },
            }, cancellationToken);
            if (created?.Id is not { Length: > 0 } conversationId)
                throw new DeliveryException("Teams create conversation returned no id.", permanent: false);
            user = user with { PersonalConversationId = conversationId, ServiceUrl = created.ServiceUrl ?? user.ServiceUrl };
            await references.RememberPersonalConversationAsync(user, cancellationToken);
        }
        var conversation = new ConversationRef(ChatPlatform.Teams, user.PersonalConversationId!);
        var response = await connector.SendToConversationAsync(user.ServiceUrl, user.PersonalConversationId!, ToActivity(message, botId), cancellationToken);
        return new DeliveryResult(response?.Id is { } id ? new MessageRef(conversation, id) : null);
    }

    // A user the bot never heard from: address them by id in the tenant and service URL the bot last saw.
    private async Task<TeamsUserReference> UnknownUserAsync(string userId, CancellationToken cancellationToken)
    {
        var fallback = await references.FindDefaultAsync(cancellationToken)
            ?? throw new DeliveryException("Teams: no conversation reference stored yet; the bot must receive an activity (be installed) first.", permanent: true);
        var tenant = options.Value.TenantId ?? fallback.TenantId;
        return new TeamsUserReference(userId, userId.StartsWith("29:", StringComparison.Ordinal) ? null : userId, tenant, fallback.ServiceUrl, null);
    }

    private async Task<TeamsConversationReference> ReferenceAsync(ConversationRef conversation, CancellationToken cancellationToken) =>
        await references.FindConversationAsync(conversation.ChannelId, cancellationToken)
        ?? throw new DeliveryException($"Teams: no conversation reference for {conversation.ChannelId}; the bot was never added there.", permanent: true);

    private DeliveryResult NoReaction(DeliveryTarget target)
    {
        logger.LogDebug("Teams bots cannot add reactions; skipped reaction on {MessageId}", target.MessageId);
        return new DeliveryResult(null);
    }

    private static ConversationRef Require(ConversationRef? conversation) =>
        conversation ?? throw new DeliveryException("Teams delivery needs a conversation.", permanent: true);

    // Text is always sent: it is the notification preview and the fallback for clients that cannot render the card.
    private static Activity ToActivity(OutboundMessage message, string? botId) => new()
    {
        Type = ActivityTypes.Message,
        From = botId is null ? null : new ChannelAccount { Id = botId },
        Text = message.Text,
        TextFormat = "markdown",
        Attachments = message.Card is { } card ? [Attachment.AdaptiveCard((JsonObject)card.DeepClone())] : null,
    };
}
