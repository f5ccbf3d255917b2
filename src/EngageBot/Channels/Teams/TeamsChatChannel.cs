using EngageBot.BotFramework.Connector;
using EngageBot.BotFramework.Schema;
using Microsoft.Extensions.Options;
using System.Text.Json.Nodes;

namespace EngageBot.Channels.Teams;

/// <summary>
/// Teams' outbound side, called by the outbox. Channel posts and thread replies go to the stored conversation
/// (thread: "{channel};messageid={root}"); a channel the bot never heard from is posted to by creating a conversation
/// in it through our tenant's service URL, and while the bot is not in its team the message waits for it; DMs reuse or create the user's 1:1 conversation with the stored tenant and
/// service URL. Teams has no ephemeral messages, so Ephemeral is a DM for our own people and a reply in the
/// conversation's thread for anyone else (cross-tenant 1:1 chats are impossible); bots cannot add reactions in GA
/// Teams, so Reaction is a no-op. Forms are the card itself (Action.Execute), so OpenFormAsync is false.
/// </summary>
public sealed class TeamsChatChannel(
    ConnectorClient connector,
    ConversationReferenceStore references,
    IOptions<TeamsOptions> options,
    ILogger<TeamsChatChannel> logger) : IChatChannel
{
    public ChatPlatform Platform => ChatPlatform.Teams;

    public bool Configured => options.Value.Enabled;

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
                DeliveryKind.DirectMessage => await DirectMessageAsync(target.UserId, message, cancellationToken),
                DeliveryKind.Ephemeral => await PrivateReplyAsync(Require(target.Conversation), target.UserId, message, cancellationToken),
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
        if (await references.FindConversationAsync(conversation.ChannelId, cancellationToken) is not { } reference)
            return await PostUnheardAsync(conversation, message, cancellationToken);
        var conversationId = TeamsConversationId.Compose(conversation);
        var response = await Reaching(conversation, () => connector.SendToConversationAsync(reference.ServiceUrl, conversationId, ToActivity(message, reference.BotId), cancellationToken));
        return new DeliveryResult(response?.Id is { } id ? new MessageRef(conversation, id) : null);
    }

    /// <summary>
    /// A channel the bot never heard from (installing an app in a team announces only one channel): as the SDK's
    /// TeamsInfo.SendMessageToTeamsChannelAsync, create a conversation in the channel (POST /v3/conversations with
    /// isGroup and channelData.channel) through our tenant's service URL. A new top-level post only: a thread or
    /// message there can only be known after such a post, which stores the channel's reference.
    /// </summary>
    private async Task<DeliveryResult> PostUnheardAsync(ConversationRef conversation, OutboundMessage message, CancellationToken cancellationToken)
    {
        var tenant = await OurTenantAsync(conversation, cancellationToken);
        var botId = tenant.BotId ?? $"28:{options.Value.AppId}";
        var tenantId = options.Value.TenantId ?? tenant.TenantId;
        var activity = ToActivity(message, botId);
        var created = await Reaching(conversation, () => connector.CreateConversationAsync(tenant.ServiceUrl, new ConversationParameters
        {
            IsGroup = true,
            Bot = new ChannelAccount { Id = botId },
            TenantId = tenantId,
            Activity = activity,
            ChannelData = new JsonObject
            {
                ["channel"] = new JsonObject { ["id"] = conversation.ChannelId },
                ["tenant"] = new JsonObject { ["id"] = tenantId },
            },
        }, cancellationToken), unheard: true);
        var serviceUrl = created?.ServiceUrl ?? tenant.ServiceUrl;
        await references.RememberChannelAsync(new TeamsConversationReference(conversation.ChannelId, serviceUrl, tenantId, botId, "channel", null, conversation.ChannelId), cancellationToken);
        // The new conversation is the post's thread ("{channel};messageid={post id}"); the post itself is its root.
        var postId = created?.ActivityId ?? (created?.Id is { } id ? TeamsConversationId.Split(id).RootMessageId : null);
        logger.LogInformation("Posted to Teams channel {ChannelId}, which the bot had not heard from, by creating a conversation there.", conversation.ChannelId);
        return new DeliveryResult(postId is { Length: > 0 } ? new MessageRef(conversation with { ThreadId = null }, postId) : null);
    }

    private async Task<DeliveryResult> UpdateAsync(ConversationRef conversation, string? messageId, OutboundMessage message, CancellationToken cancellationToken)
    {
        if (messageId is not { Length: > 0 })
            throw new DeliveryException("Teams update needs the message id.", permanent: true);
        var stored = await references.FindConversationAsync(conversation.ChannelId, cancellationToken);
        var reference = stored ?? await OurTenantAsync(conversation, cancellationToken);
        await Reaching(conversation, () => connector.UpdateActivityAsync(reference.ServiceUrl, TeamsConversationId.Compose(conversation), messageId, ToActivity(message, reference.BotId), cancellationToken),
            unheard: stored is null);
        return new DeliveryResult(new MessageRef(conversation, messageId));
    }

    /// <summary>Where our tenant's channels are reached: its last service URL, else the last one seen at all; none yet means the app was never installed.</summary>
    private async Task<TeamsConversationReference> OurTenantAsync(ConversationRef conversation, CancellationToken cancellationToken) =>
        (options.Value.TenantId is { Length: > 0 } tenantId ? await references.FindTenantAsync(tenantId, cancellationToken) : null)
        ?? await references.FindDefaultAsync(cancellationToken)
        ?? throw DeliveryException.BotNotThere($"no Teams activity has reached the bot yet, so it knows no service URL for channel {conversation.ChannelId}; install the EngageBot app in the channel's team.");

    /// <summary>The bot not being in the channel's team (or the channel unknown to it) waits for the bot to be added, not fails.</summary>
    private static async Task<T> Reaching<T>(ConversationRef conversation, Func<Task<T>> call, bool unheard = false)
    {
        try
        {
            return await call();
        }
        catch (ConnectorException e) when (TeamsDeliveryErrors.BotNotInChannel(e, unheard))
        {
            throw DeliveryException.BotNotThere($"the bot is not in the team of channel {conversation.ChannelId} (Teams answered {(int)e.StatusCode} {e.ErrorCode}); add the EngageBot app to that team.", e);
        }
    }

    /// <summary>
    /// Teams has no ephemeral messages (targeted messages are a preview), and a bot cannot open a 1:1 chat with someone
    /// of another tenant: our own people get the answer by DM; anyone else (partner-side, or never classified) in the
    /// conversation they asked in, in its thread.
    /// </summary>
    private async Task<DeliveryResult> PrivateReplyAsync(ConversationRef conversation, string? userId, OutboundMessage message, CancellationToken cancellationToken)
    {
        if (userId is { Length: > 0 } && await references.FindAuthorKindAsync(userId, cancellationToken) == AuthorKind.Internal)
            return await DirectMessageAsync(userId, message, cancellationToken);
        return await PostAsync(conversation, message, cancellationToken);
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
            ?? throw DeliveryException.BotNotThere("Teams: no activity has reached the bot yet, so it cannot address anyone; install the EngageBot app.");
        var tenant = options.Value.TenantId ?? fallback.TenantId;
        return new TeamsUserReference(userId, userId.StartsWith("29:", StringComparison.Ordinal) ? null : userId, tenant, fallback.ServiceUrl, null);
    }

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
