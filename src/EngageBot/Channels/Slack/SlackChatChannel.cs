using System.Text.Json.Nodes;
using EngageBot.Cards;
using EngageBot.SlackApi.WebApi;

namespace EngageBot.Channels.Slack;

/// <summary>
/// Slack's outbound side, called by the outbox only. Cards are rendered to Block Kit; <c>text</c> is always sent
/// as the notification fallback. Failures surface as <see cref="DeliveryException"/>s the outbox can act on.
/// A private answer (Ephemeral) to someone's slash command or shortcut goes through its response_url while one is
/// usable: chat.postEphemeral fails in a DM with someone else and in channels the bot is not in.
/// </summary>
public sealed class SlackChatChannel(SlackApiClient api, IBlockKitRenderer renderer, SlackDirectChannels directChannels,
    SlackResponseUrls? responseUrls = null, ILogger<SlackChatChannel>? logger = null) : IChatChannel
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
        var (blocks, text) = Render(message);
        var posted = await api.ChatPostMessageAsync(new(conversation.ChannelId, text, blocks, conversation.ThreadId), ct);
        return new(new MessageRef(conversation, posted.Ts ?? ""));
    }

    private async Task<DeliveryResult> UpdateAsync(ConversationRef conversation, string ts, OutboundMessage message, CancellationToken ct)
    {
        var (blocks, text) = Render(message);
        await api.ChatUpdateAsync(new(conversation.ChannelId, ts, text, blocks), ct);
        return new(new MessageRef(conversation, ts));
    }

    private async Task<DeliveryResult> DirectAsync(string userId, OutboundMessage message, CancellationToken ct) =>
        await PostAsync(await directChannels.OpenAsync(userId, ct), message, ct);

    private async Task<DeliveryResult> EphemeralAsync(ConversationRef conversation, string userId, OutboundMessage message, CancellationToken ct)
    {
        // Ephemeral messages are visible to one user and cannot be updated later, so there is no message to return.
        var (blocks, text) = Render(message);
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
