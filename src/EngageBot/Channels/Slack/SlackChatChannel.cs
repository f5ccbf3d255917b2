using System.Text.Json.Nodes;
using EngageBot.Cards;
using EngageBot.SlackApi.WebApi;

namespace EngageBot.Channels.Slack;

/// <summary>
/// Slack's outbound side, called by the outbox only. Cards are rendered to Block Kit; <c>text</c> is always sent
/// as the notification fallback. Failures surface as <see cref="DeliveryException"/>s the outbox can act on.
/// A private answer (Ephemeral) to someone's slash command or shortcut goes through its response_url while one is
/// usable: chat.postEphemeral fails in a DM with someone else and in channels the bot is not in.
/// A message's charts are uploaded as PNGs and shown as image blocks after its other blocks (<see cref="SlackChartUploads"/>).
/// </summary>
public sealed class SlackChatChannel(SlackApiClient api, IBlockKitRenderer renderer, SlackDirectChannels directChannels,
    SlackResponseUrls? responseUrls = null, ILogger<SlackChatChannel>? logger = null, SlackChartUploads? chartUploads = null) : IChatChannel
{
    public ChatPlatform Platform => ChatPlatform.Slack;

    public async Task<DeliveryResult> DeliverAsync(DeliveryTarget target, OutboundMessage message, CancellationToken cancellationToken)
    {
        try
        {
            return target.Kind switch
            {
                DeliveryKind.Post => await PostAsync(Required(target.Conversation, target), message, cancellationToken),
                DeliveryKind.Update => await UpdateAsync(Required(target.Conversation, target), Required(target.MessageId, target), message, cancellationToken),
                DeliveryKind.DirectMessage => await DirectAsync(Required(target.UserId, target), message, cancellationToken),
                DeliveryKind.Ephemeral => await EphemeralAsync(Required(target.Conversation, target), Required(target.UserId, target), message, cancellationToken),
                DeliveryKind.Reaction => await ReactAsync(Required(target.Conversation, target), Required(target.MessageId, target), message, cancellationToken),
                _ => throw new DeliveryException($"Unsupported Slack delivery {target.Kind}", permanent: true),
            };
        }
        catch (SlackApiException e) when (e.Error == "invalid_blocks" && message.Charts is { Count: > 0 })
        {
            // Slack processes uploads asynchronously: an image block naming a file uploaded a moment ago can be refused
            // until it is ready. Retried with backoff (the files are remembered, not uploaded again); bounded by MaxAttempts.
            throw new DeliveryException($"Slack {target.Kind} failed: invalid_blocks (chart images not ready yet?)", permanent: false, inner: e);
        }
        catch (Exception e) when (e is SlackApiException or HttpRequestException
            || e is TaskCanceledException && !cancellationToken.IsCancellationRequested)
        {
            throw SlackDeliveryErrors.Classify(e, target.Kind.ToString());
        }
    }

    public async Task<bool> OpenFormAsync(string triggerId, OutboundMessage form, CancellationToken cancellationToken)
    {
        var card = form.Card ?? new JsonObject { ["type"] = "AdaptiveCard", ["body"] = new JsonArray(new JsonObject { ["type"] = "TextBlock", ["text"] = form.Text }) };
        var (callbackId, metadata) = SubmitActionOf(card);
        try
        {
            await api.ViewsOpenAsync(triggerId, renderer.RenderModal(card, callbackId, metadata), cancellationToken);
            return true;
        }
        catch (Exception e) when (e is SlackApiException or HttpRequestException)
        {
            throw SlackDeliveryErrors.Classify(e, "views.open");
        }
    }

    /// <summary>chat.postMessage allows about one message per second per channel; DMs pace per person.</summary>
    public string PacingKey(DeliveryTarget target) => target.Kind == DeliveryKind.DirectMessage
        ? $"slack:dm:{target.UserId}"
        : $"slack:{target.Conversation?.ChannelId}";

    private async Task<DeliveryResult> PostAsync(ConversationRef conversation, OutboundMessage message, CancellationToken ct)
    {
        var (blocks, text) = await RenderAsync(message, conversation.ChannelId, ct);
        var posted = await api.ChatPostMessageAsync(new(conversation.ChannelId, text, blocks, conversation.ThreadId), ct);
        return new(new MessageRef(conversation, posted.Ts ?? ""));
    }

    private async Task<DeliveryResult> UpdateAsync(ConversationRef conversation, string ts, OutboundMessage message, CancellationToken ct)
    {
        var (blocks, text) = await RenderAsync(message, conversation.ChannelId, ct);
        await api.ChatUpdateAsync(new(conversation.ChannelId, ts, text, blocks), ct);
        return new(new MessageRef(conversation, ts));
    }

    private async Task<DeliveryResult> DirectAsync(string userId, OutboundMessage message, CancellationToken ct) =>
        await PostAsync(await directChannels.OpenAsync(userId, ct), message, ct);

    private async Task<DeliveryResult> EphemeralAsync(ConversationRef conversation, string userId, OutboundMessage message, CancellationToken ct)
    {
        // Ephemeral messages are visible to one user and cannot be updated later, so there is no message to return.
        var (blocks, text) = await RenderAsync(message, conversation.ChannelId, ct);
        if (responseUrls is not null && await responseUrls.TakeAsync(conversation.ChannelId, userId, ct) is { } responseUrl)
        {
            try
            {
                await api.RespondAsync(responseUrl, new SlackResponseMessage(text, blocks), ct);
                return new(null);
            }
            catch (HttpRequestException e)
            {
                // Expired or used up after all: chat.postEphemeral still reaches channels the bot is in.
                logger?.LogInformation("Slack response_url answer to {UserId} in {ChannelId} failed ({Error}); using chat.postEphemeral.", userId, conversation.ChannelId, e.Message);
            }
        }
        await api.ChatPostEphemeralAsync(new(conversation.ChannelId, userId, text, blocks, conversation.ThreadId), ct);
        return new(null);
    }

    private async Task<DeliveryResult> ReactAsync(ConversationRef conversation, string ts, OutboundMessage message, CancellationToken ct)
    {
        try { await api.ReactionsAddAsync(conversation.ChannelId, ts, message.Text.Trim(':', ' '), ct); }
        catch (SlackApiException e) when (e.Error == "already_reacted") { }
        return new(new MessageRef(conversation, ts));
    }

    /// <summary>The message's blocks with an image block per chart after them (a text-only message gets its text as a section first).</summary>
    private async Task<(JsonArray? Blocks, string Text)> RenderAsync(OutboundMessage message, string channelId, CancellationToken ct)
    {
        var (blocks, text) = Render(message);
        if (message.Charts is not { Count: > 0 } charts)
            return (blocks, text);
        if (chartUploads is null)
        {
            logger?.LogWarning("A Slack message with {Count} charts is sent without them: chart uploads are not configured.", charts.Count);
            return (blocks, text);
        }
        blocks ??= [new JsonObject { ["type"] = "section", ["text"] = new JsonObject { ["type"] = "mrkdwn", ["text"] = CardText.Truncate(text, SlackLimits.SectionText) } }];
        var room = Math.Max(0, SlackLimits.MessageBlocks - blocks.Count);
        if (charts.Count > room)
            logger?.LogWarning("Only {Room} of {Count} charts fit in the Slack message's {Max} blocks.", room, charts.Count, SlackLimits.MessageBlocks);
        foreach (var image in await chartUploads.ImageBlocksAsync(channelId, charts.Take(room).ToList(), ct))
            blocks.Add(image);
        return (blocks, text);
    }

    private (JsonArray? Blocks, string Text) Render(OutboundMessage message)
    {
        if (message.Card is null) return (null, message.Text);
        var rendered = renderer.RenderMessage(message.Card);
        return (rendered.Blocks, string.IsNullOrWhiteSpace(message.Text) ? rendered.Text : message.Text);
    }

    /// <summary>The card's input-taking action names the view: its verb becomes callback_id, its data private_metadata.</summary>
    private static (string CallbackId, string Metadata) SubmitActionOf(JsonObject card)
    {
        var submit = (card["actions"] as JsonArray)?.OfType<JsonObject>()
            .FirstOrDefault(a => (string?)a["type"] == "Action.Execute" && a["verb"] is not null);
        var verb = (string?)submit?["verb"] ?? throw new DeliveryException("A Slack form needs a card with an Action.Execute verb", permanent: true);
        return (verb, (submit!["data"] as JsonObject)?.ToJsonString() ?? "{}");
    }

    private static T Required<T>(T? value, DeliveryTarget target) where T : class =>
        value ?? throw new DeliveryException($"Slack {target.Kind} delivery is missing its {typeof(T).Name switch { "ConversationRef" => "conversation", _ => "id" }}", permanent: true);
}
