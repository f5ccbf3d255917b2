using System.Text.Json.Nodes;
using EngageBot.BotFramework.Schema;

namespace EngageBot.Channels.Teams;

/// <summary>
/// Translates Teams activities (subscribe-to-conversation-events.md, channel-and-group-conversations.md,
/// universal-action-model.md) into neutral chat events. Dedup keys are "teams:{activity id}:{type}", extended where
/// one activity yields several events (members, reactions) or one id recurs (each edit of a message).
/// Activities with nothing for features (typing, channelShared, team renames…) map to no event.
/// A message addressed to the bot (an @mention, or a 1:1 chat) that starts with a command word is a command only, like
/// a Slack slash command: it is an instruction to us, not conversation, so it opens no ticket and feeds no detector.
/// </summary>
public sealed class TeamsActivityMapper(TeamsAuthorClassifier authors, TimeProvider time)
{
    public async Task<IReadOnlyList<ChatEvent>> MapAsync(Activity activity, CancellationToken cancellationToken = default)
    {
        if (activity.Conversation?.Id is not { Length: > 0 } conversationId)
            return [];
        var context = new Context(activity, conversationId, activity.Timestamp ?? time.GetUtcNow(),
            await authors.ClassifyAsync(activity.From, HostTenant(activity), cancellationToken, MemberSource(activity)));
        return activity.Type switch
        {
            ActivityTypes.Message when IsCardSubmit(activity) => [MapCardAction(activity, context.Actor)!],
            ActivityTypes.Message => [MapMessage(context)],
            ActivityTypes.MessageUpdate => MapEdit(context),
            ActivityTypes.MessageDelete => MapDelete(context),
            ActivityTypes.MessageReaction => MapReactions(context),
            ActivityTypes.ConversationUpdate => await MapConversationUpdateAsync(context, cancellationToken),
            ActivityTypes.InstallationUpdate => MapInstallation(context),
            _ => [],
        };
    }

    /// <summary>The card action an Action.Execute invoke or an Action.Submit message carries; null for anything else.</summary>
    public async Task<CardActionInvoked?> MapCardActionAsync(Activity activity, CancellationToken cancellationToken = default) =>
        MapCardAction(activity, await authors.ClassifyAsync(activity.From, HostTenant(activity), cancellationToken, MemberSource(activity)));

    private CardActionInvoked? MapCardAction(Activity activity, ChatUser? actor)
    {
        if (activity.Conversation?.Id is not { Length: > 0 } conversationId)
            return null;
        var (verb, data) = activity.Type switch
        {
            ActivityTypes.Invoke when activity.Name == "adaptiveCard/action" => ExecuteAction(activity.Value),
            ActivityTypes.Message when IsCardSubmit(activity) => SubmitAction((JsonObject)activity.Value!),
            _ => (null, null),
        };
        if (verb is null || data is null)
            return null;
        var conversation = Conversation(conversationId);
        var source = activity.ReplyToId is { Length: > 0 } replyTo ? new MessageRef(conversation, replyTo) : null;
        return new CardActionInvoked(Key(activity, activity.Type!), activity.Timestamp ?? time.GetUtcNow(), conversation,
            actor, verb, data, source);
    }

    /// <summary>
    /// Where a sender's member record is looked up: their team when the activity is in one (as the Bot Framework SDK's
    /// TeamsInfo.GetMemberAsync does), else the conversation without its thread suffix.
    /// </summary>
    private static TeamsMemberSource? MemberSource(Activity activity)
    {
        if (activity.ServiceUrl is not { Length: > 0 } serviceUrl || activity.Conversation?.Id is not { Length: > 0 } conversationId)
            return null;
        return new TeamsMemberSource(serviceUrl, activity.GetTeamsChannelData()?.Team?.Id ?? TeamsConversationId.Split(conversationId).ChannelId);
    }

    public static string? HostTenant(Activity activity) =>
        activity.Conversation?.TenantId ?? activity.GetTeamsChannelData()?.Tenant?.Id;

    // Action.Submit comes as a message with value (the data merged with inputs) and usually no text.
    private static bool IsCardSubmit(Activity activity) =>
        activity.Type == ActivityTypes.Message && activity.Value is JsonObject && string.IsNullOrWhiteSpace(activity.Text);

    private static (string?, JsonObject?) ExecuteAction(JsonNode? value)
    {
        var action = value?["action"];
        var verb = action?["verb"]?.GetValue<string>();
        var data = action?["data"] as JsonObject ?? [];
        return (verb, (JsonObject)data.DeepClone());
    }

    private static (string?, JsonObject?) SubmitAction(JsonObject value)
    {
        var data = (JsonObject)value.DeepClone();
        var verb = (data["verb"] ?? data["action"]) is JsonValue v && v.TryGetValue<string>(out var s) ? s : "submit";
        return (verb, data);
    }

    private static ConversationRef Conversation(string conversationId)
    {
        var (channelId, root) = TeamsConversationId.Split(conversationId);
        return new ConversationRef(ChatPlatform.Teams, channelId, root);
    }

    private static string Key(Activity activity, string suffix) =>
        $"teams:{activity.Id ?? $"{activity.Conversation?.Id}@{activity.Timestamp?.ToUnixTimeMilliseconds()}"}:{suffix}";

    private static ChatEvent MapMessage(Context c)
    {
        var a = c.Activity;
        var botId = a.Recipient?.Id;
        var botMentions = (a.Entities ?? [])
            .Where(e => e.Type == Entity.MentionType && e.Mentioned?.Id == botId && botId is not null && e.Text is not null)
            .Select(e => e.Text!)
            .ToList();
        var text = TeamsMentionText.Clean(a.Text, botMentions);
        var isDirect = a.Conversation?.ConversationType == "personal";
        if ((botMentions.Count > 0 || isDirect) && c.Actor?.Kind != AuthorKind.Bot && TeamsBotCommand.Parse(text) is (var word, var arguments))
            return new CommandInvoked(Key(a, "command"), c.Timestamp, Conversation(c.ConversationId), c.Actor, word, arguments, IsDirect: isDirect);
        return new MessagePosted(Key(a, a.Type!), c.Timestamp, Conversation(c.ConversationId), c.Actor, a.Id ?? "", text,
            MentionsBot: botMentions.Count > 0, IsDirect: isDirect);
    }

    // Teams: type messageUpdate with eventType editMessage (or undeleteMessage, which restores the text).
    private static IReadOnlyList<ChatEvent> MapEdit(Context c) =>
        c.Activity.Id is { } id && c.EventType is "editMessage" or "undeleteMessage" or null
            ? [new MessageEdited(Key(c.Activity, $"messageUpdate:{c.Timestamp.ToUnixTimeMilliseconds()}"), c.Timestamp,
                Conversation(c.ConversationId), c.Actor, id, TeamsMentionText.Clean(c.Activity.Text, []))]
            : [];

    // Teams: type messageDelete with eventType softDeleteMessage.
    private static IReadOnlyList<ChatEvent> MapDelete(Context c) =>
        c.Activity.Id is { } id
            ? [new MessageDeleted(Key(c.Activity, ActivityTypes.MessageDelete), c.Timestamp, Conversation(c.ConversationId), c.Actor, id)]
            : [];

    private static IReadOnlyList<ChatEvent> MapReactions(Context c)
    {
        var a = c.Activity;
        if (a.ReplyToId is not { Length: > 0 } messageId)
            return [];
        var conversation = Conversation(c.ConversationId);
        IEnumerable<(MessageReaction Reaction, bool Added)> all =
            (a.ReactionsAdded ?? []).Select(r => (r, true)).Concat((a.ReactionsRemoved ?? []).Select(r => (r, false)));
        return all.Where(x => x.Reaction.Type is { Length: > 0 })
            .Select(x => (ChatEvent)new ReactionChanged(Key(a, $"messageReaction:{x.Reaction.Type}:{(x.Added ? "added" : "removed")}"),
                c.Timestamp, conversation, c.Actor, messageId, TeamsReactionNames.Normalize(x.Reaction.Type!), x.Added))
            .ToList();
    }

    private async Task<IReadOnlyList<ChatEvent>> MapConversationUpdateAsync(Context c, CancellationToken cancellationToken)
    {
        var a = c.Activity;
        var botId = a.Recipient?.Id;
        var conversation = Conversation(c.ConversationId) with { ThreadId = null };
        var channelName = c.ChannelData?.Channel?.Name ?? c.ChannelData?.Team?.Name ?? a.Conversation?.Name;
        var events = new List<ChatEvent>();
        foreach (var (members, joined) in new[] { (a.MembersAdded, true), (a.MembersRemoved, false) })
        {
            foreach (var member in members ?? [])
            {
                if (member.Id is not { Length: > 0 } memberId)
                    continue;
                var key = Key(a, $"conversationUpdate:{memberId}:{(joined ? "added" : "removed")}");
                if (memberId == botId)
                    events.Add(new BotMembershipChanged(key, c.Timestamp, conversation, c.Actor, joined, channelName));
                else if (await authors.ClassifyAsync(member, HostTenant(a), cancellationToken, MemberSource(a)) is { } user)
                    events.Add(new MembershipChanged(key, c.Timestamp, conversation, c.Actor, user, joined));
            }
        }
        return events;
    }

    private static IReadOnlyList<ChatEvent> MapInstallation(Context c)
    {
        var added = c.Activity.Action switch { "add" => true, "remove" => false, _ => (bool?)null };
        if (added is null)
            return [];
        var conversation = Conversation(c.ConversationId) with { ThreadId = null };
        var name = c.ChannelData?.Channel?.Name ?? c.ChannelData?.Team?.Name ?? c.Activity.Conversation?.Name;
        return [new BotMembershipChanged(Key(c.Activity, $"installationUpdate:{c.Activity.Action}"), c.Timestamp, conversation, c.Actor, added.Value, name)];
    }

    private sealed record Context(Activity Activity, string ConversationId, DateTimeOffset Timestamp, ChatUser? Actor)
    {
        public TeamsChannelData? ChannelData { get; } = Activity.GetTeamsChannelData();
        public string? EventType => ChannelData?.EventType;
    }
}
