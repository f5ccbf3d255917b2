namespace EngageBot.Channels;

/// <summary>
/// Deep links into a shared channel: a message or thread (Slack's archive permalink, ts without the dot; Teams' message
/// deep link) and the channel itself. Links go in message text, which both platforms turn into links.
/// </summary>
public static class ThreadLinks
{
    public static string For(ConversationRef channel, string rootMessageId) => channel.Platform switch
    {
        ChatPlatform.Slack => $"https://slack.com/archives/{Uri.EscapeDataString(channel.ChannelId)}/p{rootMessageId.Replace(".", "", StringComparison.Ordinal)}",
        _ => $"https://teams.microsoft.com/l/message/{Uri.EscapeDataString(channel.ChannelId)}/{Uri.EscapeDataString(rootMessageId)}",
    };

    public static string ForChannel(ConversationRef channel) => channel.Platform switch
    {
        ChatPlatform.Slack => $"https://slack.com/archives/{Uri.EscapeDataString(channel.ChannelId)}",
        _ => $"https://teams.microsoft.com/l/channel/{Uri.EscapeDataString(channel.ChannelId)}/channel",
    };
}
