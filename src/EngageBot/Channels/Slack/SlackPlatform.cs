namespace EngageBot.Channels.Slack;

/// <summary>Slack as features see it: commands are typed as the slash command; threads open by archive permalink (ts without the dot).</summary>
public sealed class SlackPlatform : IChatPlatformDescriptor
{
    public ChatPlatform Platform => ChatPlatform.Slack;

    public string CommandPrefix => BotCommands.SlashCommand + " ";

    public string HomeTeamsLabel => "team ids";

    // A view_submission can only answer with field errors; a message would be lost.
    public bool FormErrorsOnFieldsOnly => true;

    public string ThreadLink(ConversationRef channel, string rootMessageId) =>
        $"https://slack.com/archives/{Uri.EscapeDataString(channel.ChannelId)}/p{rootMessageId.Replace(".", "", StringComparison.Ordinal)}";

    public string ChannelLink(ConversationRef channel) => $"https://slack.com/archives/{Uri.EscapeDataString(channel.ChannelId)}";
}
