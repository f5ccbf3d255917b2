using EngageBot.SlackApi.Interactivity;
namespace EngageBot.Channels.Slack;

/// <summary>
/// Slash commands (/engagebot …) → <see cref="CommandInvoked"/> in the inbox; the features answer later, through the
/// command's response_url (kept first), so an answer reaches a DM or a channel the bot is not in.
/// </summary>
public sealed class SlackCommandHandler(SlackAuthorClassifier authors, IInbox inbox, SlackWorkspace workspace, TimeProvider time, SlackResponseUrls responseUrls)
{
    public async Task AcceptAsync(SlackSlashCommand command, CancellationToken cancellationToken)
    {
        var context = await workspace.GetAsync(cancellationToken);
        var actor = await authors.ClassifyAsync(command.UserId, null, command.ChannelId, context, cancellationToken);
        await responseUrls.RememberAsync(command.ChannelId, command.UserId, command.ResponseUrl, cancellationToken);
        // trigger_id is unique per invocation; Slack does not retry slash commands.
        var dedup = $"slack:command:{command.TriggerId ?? Guid.NewGuid().ToString("N")}";
        // Direct-message channel ids start with D.
        await inbox.AcceptAsync(new CommandInvoked(dedup, time.GetUtcNow(), new ConversationRef(ChatPlatform.Slack, command.ChannelId), actor,
            command.Command, command.Text.Trim(), command.TriggerId, IsDirect: command.ChannelId.StartsWith('D')), cancellationToken);
    }
}
