using EngageBot.Channels;

namespace EngageBot.Features.Tickets.Cards;

/// <summary>Deep links to a ticket's thread: Slack's archive permalink (ts without the dot), Teams' message deep link.</summary>
public static class ThreadLinks
{
    public static string For(ConversationRef channel, string rootMessageId) => channel.Platform switch
    {
        ChatPlatform.Slack => $"https://slack.com/archives/{Uri.EscapeDataString(channel.ChannelId)}/p{rootMessageId.Replace(".", "", StringComparison.Ordinal)}",
        _ => $"https://teams.microsoft.com/l/message/{Uri.EscapeDataString(channel.ChannelId)}/{Uri.EscapeDataString(rootMessageId)}",
    };
}
