namespace EngageBot.Channels.Playground;

/// <summary>The playground as features see it: commands are typed like Slack's slash command; threads open on the page.</summary>
public sealed class PlaygroundPlatform : IChatPlatformDescriptor
{
    public static ChatPlatform Id { get; } = new("Playground");

    public ChatPlatform Platform => Id;

    public string CommandPrefix => BotCommands.SlashCommand + " ";

    public string HomeTeamsLabel => "org ids";

    // The page shows a refused form's message beside its fields.
    public bool FormErrorsOnFieldsOnly => false;

    public string ChannelLink(ConversationRef channel) => $"/playground#{Uri.EscapeDataString(channel.ChannelId)}";

    public string ThreadLink(ConversationRef channel, string rootMessageId) =>
        $"/playground#{Uri.EscapeDataString(channel.ChannelId)}/{Uri.EscapeDataString(rootMessageId)}";
}
