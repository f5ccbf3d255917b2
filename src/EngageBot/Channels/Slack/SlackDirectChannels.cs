using EngageBot.SlackApi.WebApi;
using Microsoft.Extensions.Caching.Memory;

namespace EngageBot.Channels.Slack;

/// <summary>
/// The bot's DM channel (D…) with a user, via conversations.open. A user's DM id never changes, so it is cached: proactive
/// DMs repeat per person, and a global shortcut resolves it inside Slack's 3-second ack budget.
/// </summary>
public sealed class SlackDirectChannels(SlackApiClient api, IMemoryCache cache)
{
    private static readonly TimeSpan Ttl = TimeSpan.FromHours(12);

    public async Task<ConversationRef> OpenAsync(string userId, CancellationToken cancellationToken)
    {
        var key = "slack:dm:" + userId;
        if (cache.TryGetValue(key, out ConversationRef? cached) && cached is not null) return cached;
        var opened = await api.ConversationsOpenAsync([userId], cancellationToken);
        var dm = new ConversationRef(ChatPlatform.Slack, opened.Channel?.Id ?? throw new SlackApiException("conversations.open", "no_channel"));
        cache.Set(key, dm, Ttl);
        return dm;
    }
}
