namespace EngageBot.Channels.Teams;

/// <summary>Teams as features see it: commands are typed by mentioning the bot; threads open by message deep link.</summary>
public sealed class TeamsPlatform : IChatPlatformDescriptor
{
    public ChatPlatform Platform => ChatPlatform.Teams;

    public string CommandPrefix => "@EngageBot ";

    public string HomeTeamsLabel => "tenant ids";

    public bool FormErrorsOnFieldsOnly => false;

    public bool RendersCardCharts => true;

    public string ThreadLink(ConversationRef channel, string rootMessageId) =>
        $"https://teams.microsoft.com/l/message/{Uri.EscapeDataString(channel.ChannelId)}/{Uri.EscapeDataString(rootMessageId)}";

    public string ChannelLink(ConversationRef channel) => $"https://teams.microsoft.com/l/channel/{Uri.EscapeDataString(channel.ChannelId)}/channel";
}
