using System.Text.Json.Nodes;
using EngageBot.BotFramework.Schema;
using EngageBot.Cards;

namespace EngageBot.Channels.Teams;

/// <summary>
/// Message extension actions (manifest composeExtensions, context "message"). composeExtension/fetchTask becomes a neutral
/// <see cref="MessageActionInvoked"/> whose <see cref="IMessageActionForm"/> answers with a form, returned as the dialog
/// in the invoke response; composeExtension/submitAction carries the dialog's data (its Action.Submit data merged with
/// the inputs) and is routed as a <see cref="CardActionInvoked"/>, whose outcome is shown as the dialog's closing message.
/// </summary>
public sealed class TeamsMessageExtensions(TeamsAuthorClassifier authors, IEnumerable<IMessageActionForm> forms, ICardActionRouter router,
    TimeProvider time, ILogger<TeamsMessageExtensions> logger)
{
    public const string FetchTask = "composeExtension/fetchTask";
    public const string SubmitAction = "composeExtension/submitAction";
    private const string VerbField = "verb";

    public static bool Handles(Activity activity) => activity.Name is FetchTask or SubmitAction;

    public async Task<JsonObject?> HandleAsync(Activity activity, CancellationToken cancellationToken)
    {
        if (activity.Value is not JsonObject value || activity.Conversation?.Id is not { Length: > 0 } conversationId) return null;
        var actor = await authors.ClassifyAsync(activity.From, TeamsActivityMapper.HostTenant(activity), cancellationToken);
        var (channelId, root) = TeamsConversationId.Split(conversationId);
        var key = $"teams:{activity.Id ?? conversationId + "@" + activity.Timestamp?.ToUnixTimeMilliseconds()}:{activity.Name}";
        var at = activity.Timestamp ?? time.GetUtcNow();
        return activity.Name == FetchTask
            ? await FetchAsync(activity, value, actor, channelId, root, key, at, cancellationToken)
            : await SubmitAsync(value, actor, new ConversationRef(ChatPlatform.Teams, channelId, root), key, at, cancellationToken);
    }

    private async Task<JsonObject?> FetchAsync(Activity activity, JsonObject value, ChatUser? actor, string channelId, string? root, string key,
        DateTimeOffset at, CancellationToken ct)
    {
        var commandId = Text(value["commandId"]);
        if (forms.FirstOrDefault(f => f.CallbackId == commandId) is not { } form || value["messagePayload"] is not JsonObject message
            || Text(message["id"]) is not { Length: > 0 } messageId)
        {
            logger.LogInformation("Teams message extension command {CommandId} is not handled", commandId);
            return null;
        }
        var conversation = new ConversationRef(ChatPlatform.Teams, channelId, root is null || root == messageId ? null : root);
        var author = await AuthorAsync(activity, message, ct);
        var action = new MessageActionInvoked(key, at, conversation, actor, commandId!, messageId, TeamsHtmlText.ToPlain(Text(message["body"]?["content"])),
            TargetAuthor: author);
        var opened = await form.OpenAsync(action, ct);
        if (opened.Card is not { } card) return Message(opened.Message ?? "This action is not available here.");
        return new JsonObject
        {
            ["task"] = new JsonObject
            {
                ["type"] = "continue",
                ["value"] = new JsonObject
                {
                    ["title"] = opened.Title,
                    ["width"] = "medium",
                    ["height"] = "large",
                    ["card"] = TeamsCardAttachment.Create(ForDialog(card, opened.SubmitVerb, opened.Data)),
                },
            },
        };
    }

    private async Task<JsonObject> SubmitAsync(JsonObject value, ChatUser? actor, ConversationRef conversation, string key, DateTimeOffset at, CancellationToken ct)
    {
        if (value["data"] is not JsonObject data || Text(data[VerbField]) is not { Length: > 0 } verb)
            return Message("This form has expired; open it again from the message.");
        var result = await router.RouteAsync(new CardActionInvoked(key, at, conversation, actor, verb, (JsonObject)data.DeepClone(), SourceMessage: null), ct);
        return Message(result.Errors is { Count: > 0 } errors ? string.Join(" ", errors.Values) : result.Message ?? "Done.");
    }

    /// <summary>Who wrote the message: Teams gives their Entra object id and name (and sometimes their tenant).</summary>
    private async Task<ChatUser?> AuthorAsync(Activity activity, JsonObject message, CancellationToken ct)
    {
        if (message["from"]?["user"] is not JsonObject user || Text(user["id"]) is not { Length: > 0 } id) return null;
        var account = new ChannelAccount { Id = id, AadObjectId = id, Name = Text(user["displayName"]), TenantId = Text(user["tenantId"]) };
        return await authors.ClassifyAsync(account, TeamsActivityMapper.HostTenant(activity), ct);
    }

    /// <summary>Dialogs submit with Action.Submit only (no Universal Actions there): the form's action becomes one whose data names the verb.</summary>
    private static JsonObject ForDialog(JsonObject card, string verb, JsonObject data)
    {
        var dialog = (JsonObject)card.DeepClone();
        var submitData = (JsonObject)data.DeepClone();
        submitData[VerbField] = verb;
        dialog["actions"] = new JsonArray(CardElements.Actions(dialog)
            .Where(a => CardElements.OptionalString(a, "verb") == verb)
            .Select(a => (JsonNode)new JsonObject { ["type"] = "Action.Submit", ["title"] = CardElements.String(a, "title"), ["data"] = submitData.DeepClone() })
            .ToArray());
        return dialog;
    }

    private static JsonObject Message(string text) => new() { ["task"] = new JsonObject { ["type"] = "message", ["value"] = text } };

    private static string? Text(JsonNode? node) => node is JsonValue v && v.TryGetValue<string>(out var s) ? s : null;
}
