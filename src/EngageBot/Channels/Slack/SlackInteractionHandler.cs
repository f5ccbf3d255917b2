using System.Text.Json;
using System.Text.Json.Nodes;
using EngageBot.Cards;
using EngageBot.SlackApi.Interactivity;
using EngageBot.SlackApi.WebApi;

namespace EngageBot.Channels.Slack;

/// <summary>
/// Interactivity payloads. Card actions (block_actions, view_submission) run synchronously through the card-action
/// router because their outcome belongs to this HTTP exchange (form errors, opening a modal before the trigger id
/// expires); message shortcuts go to the inbox like events. A global shortcut has no channel: it becomes a
/// <see cref="CommandInvoked"/> in the user's DM with the bot, where features answer commands typed nowhere in particular.
/// Returns the response body (null: empty 200).
/// </summary>
public sealed class SlackInteractionHandler(
    SlackAuthorClassifier authors,
    IInbox inbox,
    SlackWorkspace workspace,
    TimeProvider time,
    ILogger<SlackInteractionHandler> logger,
    SlackDirectChannels directChannels,
    ICardActionRouter? router = null,
    IOutbox? outbox = null,
    SlackFormOpener? forms = null,
    IEnumerable<IMessageActionForm>? messageForms = null,
    SlackResponseUrls? responseUrls = null)
{
    private readonly IMessageActionForm[] _messageForms = messageForms?.ToArray() ?? [];

    public async Task<JsonObject?> HandleAsync(SlackInteractionPayload payload, CancellationToken cancellationToken)
    {
        if (payload.User is not { Id.Length: > 0 } user) return null;
        var context = await workspace.GetAsync(cancellationToken);
        var channelId = payload.Channel?.Id ?? payload.Container?.ChannelId;
        var actor = await authors.ClassifyAsync(user.Id, user.TeamId, channelId, context, cancellationToken);
        return payload.Type switch
        {
            SlackInteractionPayload.BlockActions => await BlockActionAsync(payload, actor, channelId, cancellationToken),
            SlackInteractionPayload.ViewSubmission => await ViewSubmissionAsync(payload, actor, channelId, cancellationToken),
            SlackInteractionPayload.MessageAction => await MessageActionAsync(payload, actor, channelId, cancellationToken),
            SlackInteractionPayload.Shortcut => await GlobalShortcutAsync(payload, actor, cancellationToken),
            _ => null,
        };
    }

    private async Task<JsonObject?> BlockActionAsync(SlackInteractionPayload payload, ChatUser actor, string? channelId, CancellationToken ct)
    {
        if (payload.Actions is not [var action, ..]) return LogUnrouted(payload);
        if (action.ActionId == CardVerbs.OpenForm) return await OpenFormAsync(payload, action, actor, channelId, ct);
        if (router is null) return LogUnrouted(payload);
        var data = ActionData(action);
        Merge(data, payload.State);
        var conversation = new ConversationRef(ChatPlatform.Slack, channelId ?? "", ThreadOf(payload));
        var source = SourceOf(payload, channelId);
        var invoked = new CardActionInvoked($"slack:action:{payload.TriggerId ?? action.ActionTs}", At(action.ActionTs), conversation, actor,
            action.ActionId, data, source, payload.TriggerId);
        var result = await router.RouteAsync(invoked, ct);
        if (outbox is null) return null;
        if (result.UpdatedCard is { } card && source is not null)
            await outbox.EnqueueAsync($"slack:card-update:{source.Conversation.ChannelId}:{source.MessageId}:{invoked.DedupKey}",
                DeliveryTarget.Update(source), new OutboundMessage(result.Message ?? payload.Message?.Text ?? "Updated", card), ct);
        else if (result.Message is { } text && channelId is not null)
            await outbox.EnqueueAsync($"slack:card-reply:{invoked.DedupKey}", DeliveryTarget.Ephemeral(conversation, actor.Id), new OutboundMessage(text), ct);
        return null;
    }

    /// <summary>Inputs cannot live in Slack messages: the renderer's open-form button opens them in a modal instead.</summary>
    private async Task<JsonObject?> OpenFormAsync(SlackInteractionPayload payload, SlackBlockAction action, ChatUser actor, string? channelId, CancellationToken ct)
    {
        if (forms is null || payload.TriggerId is not { } trigger || SlackFormButton.TryParse(action.Value) is not { } button) return LogUnrouted(payload);
        var source = SourceOf(payload, channelId);
        if (await forms.OpenAsync(button, trigger, actor, source, ct) is { } refusal && outbox is not null && source is not null)
            await outbox.EnqueueAsync($"slack:form-refused:{trigger}", DeliveryTarget.Ephemeral(source.Conversation, actor.Id), new OutboundMessage(refusal), ct);
        return null;
    }

    /// <summary>
    /// A submitted form: the card action runs with the form's values; then the card whose button opened the form is replaced
    /// (so it no longer offers what was just done) and the user is told what happened, since the modal simply closes.
    /// </summary>
    private async Task<JsonObject?> ViewSubmissionAsync(SlackInteractionPayload payload, ChatUser actor, string? channelId, CancellationToken ct)
    {
        if (payload.View is not { CallbackId.Length: > 0 } view || router is null) return LogUnrouted(payload);
        var form = SlackFormMetadata.Parse(view.PrivateMetadata);
        var data = SlackFormValues.ToCardData(StateValues(view.State), form.Data);
        var conversation = form.Source?.Conversation ?? new ConversationRef(ChatPlatform.Slack, channelId ?? "");
        var invoked = new CardActionInvoked($"slack:view:{view.Id}:{view.Hash}", time.GetUtcNow(), conversation, actor,
            view.CallbackId, data, form.Source, payload.TriggerId);
        var result = await router.RouteAsync(invoked, ct);
        if (result.Errors is { Count: > 0 } errors)
        {
            // Slack keys errors by block_id; handlers name the input (action_id).
            var byBlock = new JsonObject();
            foreach (var (inputId, message) in errors)
                byBlock[BlockOf(view.State, inputId) ?? inputId] = message;
            return new JsonObject { ["response_action"] = "errors", ["errors"] = byBlock };
        }
        // A form opened from a message action has no card to replace: the modal itself shows the outcome.
        if (form.Source is not { } source)
            return result.Message is { Length: > 0 } shown ? SlackModalOutcome.Update(shown) : null;
        if (outbox is null) return null;
        if (result.UpdatedCard is { } card)
            await outbox.EnqueueAsync($"slack:card-update:{source.Conversation.ChannelId}:{source.MessageId}:{invoked.DedupKey}",
                DeliveryTarget.Update(source), new OutboundMessage(CardPlainText.Render(card), card), ct);
        var confirmation = result.Message ?? (result.UpdatedCard is not null ? "Done: the card is updated." : null);
        if (confirmation is not null)
            await outbox.EnqueueAsync($"slack:form-reply:{invoked.DedupKey}", DeliveryTarget.Ephemeral(source.Conversation, actor.Id), new OutboundMessage(confirmation), ct);
        return null;
    }

    private async Task<JsonObject?> MessageActionAsync(SlackInteractionPayload payload, ChatUser actor, string? channelId, CancellationToken ct)
    {
        var target = payload.MessageTs ?? payload.Message?.Ts;
        if (channelId is null || target is null || payload.CallbackId is null) return LogUnrouted(payload);
        var conversation = new ConversationRef(ChatPlatform.Slack, channelId, payload.Message?.IsThreadReply == true ? payload.Message.ThreadTs : null);
        var author = payload.Message?.User is { Length: > 0 } authorId
            ? await authors.ClassifyAsync(authorId, payload.Message.UserTeam ?? payload.Message.Team, channelId,
                await workspace.GetAsync(ct), ct)
            : null;
        // Answers go through the shortcut's response_url: the bot may not be in the channel.
        if (responseUrls is not null)
            await responseUrls.RememberAsync(channelId, actor.Id, payload.ResponseUrl, ct);
        var action = new MessageActionInvoked($"slack:shortcut:{payload.TriggerId ?? payload.ActionTs}", At(payload.ActionTs), conversation, actor,
            payload.CallbackId, target, payload.Message?.Text, payload.TriggerId, author);
        if (_messageForms.FirstOrDefault(f => f.CallbackId == payload.CallbackId) is { } form)
            return await OpenMessageFormAsync(form, action, ct);
        await inbox.AcceptAsync(action, ct);
        return null;
    }

    /// <summary>A form-opening shortcut is answered here, not queued: its trigger id lasts 3 seconds.</summary>
    private async Task<JsonObject?> OpenMessageFormAsync(IMessageActionForm form, MessageActionInvoked action, CancellationToken ct)
    {
        var opened = await form.OpenAsync(action, ct);
        if (opened.Card is { } card && forms is not null && action.TriggerId is { } trigger)
            await forms.OpenCardAsync(card, opened.SubmitVerb, opened.Data, source: null, trigger, ct);
        else if (outbox is not null)
            await outbox.EnqueueAsync($"slack:shortcut-reply:{action.DedupKey}", DeliveryTarget.Ephemeral(action.Conversation, action.Actor!.Id),
                new OutboundMessage(opened.Message ?? "This form cannot be opened here."), ct);
        return null;
    }

    private async Task<JsonObject?> GlobalShortcutAsync(SlackInteractionPayload payload, ChatUser actor, CancellationToken ct)
    {
        if (payload.CallbackId is not { Length: > 0 } callbackId) return LogUnrouted(payload);
        ConversationRef dm;
        try { dm = await directChannels.OpenAsync(actor.Id, ct); }
        catch (Exception e) when (e is SlackApiException or HttpRequestException or TaskCanceledException && !ct.IsCancellationRequested)
        {
            // Slack does not retry interactions; without a DM there is nowhere to answer, so ack rather than fail.
            logger.LogWarning("Global shortcut {CallbackId}: conversations.open for {UserId} failed: {Error}", callbackId, actor.Id, e.Message);
            return null;
        }
        await inbox.AcceptAsync(new CommandInvoked($"slack:global-shortcut:{payload.TriggerId ?? payload.ActionTs}", At(payload.ActionTs), dm, actor,
            SlackGlobalShortcuts.CommandFor(callbackId), "", payload.TriggerId, IsDirect: true), ct);
        return null;
    }

    private JsonObject? LogUnrouted(SlackInteractionPayload payload)
    {
        logger.LogWarning("Slack {Type} interaction not handled (no router or missing fields)", payload.Type);
        return null;
    }

    /// <summary>The message holding the pressed button (Slack calls it the container), when the payload says.</summary>
    private static MessageRef? SourceOf(SlackInteractionPayload payload, string? channelId) =>
        (payload.Container?.MessageTs ?? payload.Message?.Ts) is { } ts && channelId is not null
            ? new MessageRef(new ConversationRef(ChatPlatform.Slack, channelId, ThreadOf(payload)), ts)
            : null;

    private DateTimeOffset At(string? ts) => SlackTimestamps.Parse(ts) ?? time.GetUtcNow();

    private static string? ThreadOf(SlackInteractionPayload payload) =>
        payload.Container?.ThreadTs ?? (payload.Message?.IsThreadReply == true ? payload.Message.ThreadTs : null);

    private static JsonObject ActionData(SlackBlockAction action)
    {
        var data = ParseObject(action.Value) ?? (action.Value is { } v ? new JsonObject { ["value"] = v } : []);
        if (action.SelectedOption?["value"] is { } selected) data["value"] = selected.DeepClone();
        if (action.SelectedDate is { } date) data["value"] = date;
        return data;
    }

    private static void Merge(JsonObject data, SlackViewState? state)
    {
        if (state is null) return;
        foreach (var block in state.Values.Values)
            foreach (var (inputId, input) in block)
                data[inputId] = SlackInputValue.Read(input);
    }

    private static JsonObject StateValues(SlackViewState? state)
    {
        var values = new JsonObject();
        foreach (var (blockId, block) in state?.Values ?? [])
            values[blockId] = new JsonObject(block.Select(i => KeyValuePair.Create(i.Key, (JsonNode?)i.Value.DeepClone())));
        return values;
    }

    private static string? BlockOf(SlackViewState? state, string inputId) =>
        state?.Values.FirstOrDefault(b => b.Value.ContainsKey(inputId)).Key;

    private static JsonObject? ParseObject(string? json)
    {
        if (json is not { Length: > 1 } || json[0] != '{') return null;
        try { return JsonNode.Parse(json) as JsonObject; }
        catch (JsonException) { return null; }
    }
}
