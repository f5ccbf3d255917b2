using EngageBot.BotFramework.Connector;
using Microsoft.Extensions.Caching.Memory;

namespace EngageBot.Channels.Teams;

/// <summary>
/// A member's Teams userRole ("user", "guest", "anonymous") from the Connector's get-member call, for senders whose
/// activity did not say: a guest account lives in our tenant yet is a partner's person. Answers are cached an hour
/// per user; a failed lookup is remembered for a minute (null), so an outage costs one call per user per minute.
/// </summary>
public sealed class TeamsMemberRoles(ConnectorClient connector, IMemoryCache cache, ILogger<TeamsMemberRoles> logger)
{
    private static readonly TimeSpan Known = TimeSpan.FromHours(1);
    private static readonly TimeSpan Failed = TimeSpan.FromMinutes(1);

    /// <summary>Bounds the lookup: it runs while Teams waits for our answer to the activity.</summary>
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(3);

    /// <summary>The member's role, "" when Teams sent none, or null when it could not be looked up.</summary>
    public async Task<string?> FindAsync(string serviceUrl, string conversationId, string userId, CancellationToken cancellationToken)
    {
        var key = ("teams-member-role", userId);
        if (cache.TryGetValue(key, out string? role))
            return role;
        using var bounded = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        bounded.CancelAfter(Timeout);
        try
        {
            var member = await connector.GetConversationMemberAsync(serviceUrl, conversationId, userId, bounded.Token);
            role = member.UserRole ?? "";
            cache.Set(key, role, Known);
        }
        catch (Exception e) when (e is ConnectorException || (e is OperationCanceledException && !cancellationToken.IsCancellationRequested))
        {
            logger.LogWarning("Could not look up the Teams role of {UserId}: {Error}", userId, e.Message);
            role = null;
            cache.Set(key, role, Failed);
        }
        return role;
    }
}
