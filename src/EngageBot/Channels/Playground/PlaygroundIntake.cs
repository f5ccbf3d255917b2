using System.Text.Json.Nodes;

namespace EngageBot.Channels.Playground;

/// <summary>
/// The playground's inbound side: what someone does on the page becomes the same neutral events Slack and Teams produce.
/// Messages, commands, reactions and message actions without a form go to the durable inbox; card actions and forms run
/// through the card-action router and the message-action forms synchronously, as on the other platforms, and their
/// outcome is applied to the transcript (a replacement card in place, a private answer to the actor).
/// </summary>
public sealed class PlaygroundIntake(
    PlaygroundWorld world,
    PlaygroundTranscript transcript,
    IInbox inbox,
    ICardActionRouter router,
    IEnumerable<IMessageActionForm> forms,
    TimeProvider time)
{
    private static ChatPlatform Platform => PlaygroundPlatform.Id;

    public async Task<PlaygroundMessage> PostAsync(string userId, string channelId, string? threadId, string text, CancellationToken ct)
    {
        var user = await UserAsync(userId, ct);
        var direct = channelId == PlaygroundWorld.DirectChannel(user.Id);
        var conversation = new ConversationRef(Platform, channelId, threadId);
        var command = text.TrimStart();
        if (command.StartsWith(BotCommands.SlashCommand, StringComparison.OrdinalIgnoreCase)
            && (command.Length == BotCommands.SlashCommand.Length || char.IsWhiteSpace(command[BotCommands.SlashCommand.Length])))
        {
            // Like a slash command, only its author sees what they typed.
            var typed = transcript.Add(channelId, threadId, Author(user), command, visibleTo: user.Id);
            await inbox.AcceptAsync(new CommandInvoked(Key(typed.Id), typed.At, conversation, world.ToChatUser(user), BotCommands.SlashCommand,
                command[BotCommands.SlashCommand.Length..].Trim(), IsDirect: direct), ct);
            return typed;
        }
        var posted = transcript.Add(channelId, threadId, Author(user), text);
        await inbox.AcceptAsync(new MessagePosted(Key(posted.Id), posted.At, conversation,
            world.ToChatUser(user), posted.Id, text, IsDirect: direct), ct);
        return posted;
    }

    public async Task ReactAsync(string userId, string channelId, string messageId, string reaction, bool added, CancellationToken ct)
    {
        var user = await UserAsync(userId, ct);
        _ = transcript.React(channelId, messageId, reaction, user.Id, added) ?? throw new PlaygroundException($"No message {messageId} in {channelId}.");
        await inbox.AcceptAsync(new ReactionChanged(Key($"{messageId}:{reaction}:{user.Id}:{(added ? "+" : "-")}:{time.GetUtcNow().Ticks}"), time.GetUtcNow(),
            new ConversationRef(Platform, channelId), world.ToChatUser(user), messageId, reaction, added), ct);
    }

    /// <summary>A button on a card the bot posted; <paramref name="data"/> is the action's data merged with the card's inputs.</summary>
    public async Task<CardActionResult> ActAsync(string userId, string channelId, string messageId, string verb, JsonObject data, CancellationToken ct)
    {
        var user = await UserAsync(userId, ct);
        var card = transcript.Find(channelId, messageId) ?? throw new PlaygroundException($"No message {messageId} in {channelId}.");
        var conversation = new ConversationRef(Platform, channelId, card.ThreadId);
        var result = await router.RouteAsync(new CardActionInvoked(Key($"{messageId}:{verb}:{time.GetUtcNow().Ticks}"), time.GetUtcNow(), conversation,
            world.ToChatUser(user), verb, data, new MessageRef(conversation, messageId)), ct);
        if (result.UpdatedCard is { } updated)
            transcript.Replace(channelId, messageId, updated["fallbackText"]?.GetValue<string>() ?? card.Text, updated);
        if (result.Message is { Length: > 0 } answer)
            transcript.Add(channelId, card.ThreadId, PlaygroundAuthor.Bot, answer, visibleTo: user.Id);
        return result;
    }

    /// <summary>The actions a message offers (⋯ menu): those with a form, then those the features handle from the inbox.</summary>
    public IReadOnlyList<PlaygroundMessageAction> MessageActions() =>
        PlaygroundMessageAction.All.Where(a => !a.NeedsForm || forms.Any(f => f.CallbackId == a.CallbackId)).ToList();

    /// <summary>Runs a message action: the form to show when the action has one, else null (the action went to the inbox).</summary>
    public async Task<MessageActionForm?> MessageActionAsync(string userId, string channelId, string messageId, string callbackId, CancellationToken ct)
    {
        var user = await UserAsync(userId, ct);
        var target = transcript.Find(channelId, messageId) ?? throw new PlaygroundException($"No message {messageId} in {channelId}.");
        var action = new MessageActionInvoked(Key($"{messageId}:{callbackId}:{time.GetUtcNow().Ticks}"), time.GetUtcNow(),
            new ConversationRef(Platform, channelId, target.ThreadId), world.ToChatUser(user), callbackId, messageId, target.Text,
            TargetAuthor: await AuthorOfAsync(target, ct));
        if (forms.FirstOrDefault(f => f.CallbackId == callbackId) is { } form)
            return await form.OpenAsync(action, ct);
        await inbox.AcceptAsync(action, ct);
        return null;
    }

    /// <summary>A message action's form, submitted: routed like any card action, with no card message to update.</summary>
    public async Task<CardActionResult> SubmitFormAsync(string userId, string channelId, string? threadId, string verb, JsonObject data, CancellationToken ct)
    {
        var user = await UserAsync(userId, ct);
        var result = await router.RouteAsync(new CardActionInvoked(Key($"form:{verb}:{time.GetUtcNow().Ticks}"), time.GetUtcNow(),
            new ConversationRef(Platform, channelId, threadId), world.ToChatUser(user), verb, data, SourceMessage: null), ct);
        if (result.Errors is not { Count: > 0 } && result.Message is { Length: > 0 } answer)
            transcript.Add(channelId, threadId, PlaygroundAuthor.Bot, answer, visibleTo: user.Id);
        return result;
    }

    private async Task<ChatUser?> AuthorOfAsync(PlaygroundMessage message, CancellationToken ct) =>
        message.Author.Kind == AuthorKind.Bot ? new ChatUser(message.Author.Id, message.Author.Name, AuthorKind.Bot)
        : await world.UserAsync(message.Author.Id, ct) is { } author ? world.ToChatUser(author) : null;

    private async Task<PlaygroundUser> UserAsync(string userId, CancellationToken ct) =>
        await world.UserAsync(userId, ct) ?? throw new PlaygroundException($"Nobody in the playground has the id '{userId}'.");

    private static PlaygroundAuthor Author(PlaygroundUser user) => new(user.Id, user.Name, user.Kind);

    private static string Key(string what) => $"playground:{what}";
}

/// <summary>A request the playground cannot carry out (unknown user or message): the page shows the message.</summary>
public sealed class PlaygroundException(string message) : Exception(message);
