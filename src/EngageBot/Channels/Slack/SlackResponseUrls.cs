using EngageBot.Channels.Inbox;
using EngageBot.Storage;

namespace EngageBot.Channels.Slack;

/// <summary>
/// The response_url of a user's latest slash command or message shortcut in a conversation, so the features' private
/// answer (an Ephemeral delivery) reaches them even where chat.postEphemeral cannot: in a DM with someone else or in a
/// channel the bot is not in. Kept within Slack's limits (30 minutes, 5 answers), stored so any instance can answer.
/// Table "slackresponseurls": PK {channel id}, RK {user id} → Url, ExpiresAt, Uses.
/// </summary>
public sealed class SlackResponseUrls(IRecordStore store, TimeProvider time, ILogger<SlackResponseUrls> logger)
{
    private static readonly TimeSpan Lifetime = TimeSpan.FromMinutes(30);
    private const int MaxUses = 5;
    private readonly IRecordTable _table = store.Table("slackresponseurls");

    public async Task RememberAsync(string? channelId, string userId, string? responseUrl, CancellationToken cancellationToken)
    {
        if (channelId is not { Length: > 0 } || responseUrl is null)
            return;
        if (!IsSlackCallable(responseUrl))
        {
            logger.LogWarning("Ignoring a response_url that is not an https URL: {ResponseUrl}", responseUrl);
            return;
        }
        await _table.UpsertAsync(new StorageRecord(StoreKey.Escape(channelId), StoreKey.Escape(userId), new Dictionary<string, object?>
        {
            ["Url"] = responseUrl,
            ["ExpiresAt"] = time.GetUtcNow() + Lifetime,
            ["Uses"] = 0,
        }), cancellationToken);
    }

    /// <summary>A usable response_url for answering <paramref name="userId"/> in <paramref name="channelId"/>, counting the use; null when none is left.</summary>
    public async Task<Uri?> TakeAsync(string channelId, string userId, CancellationToken cancellationToken)
    {
        var record = await _table.GetAsync(StoreKey.Escape(channelId), StoreKey.Escape(userId), cancellationToken);
        var uses = (int)(record?.GetInt64("Uses") ?? 0);
        if (record?.GetString("Url") is not { } url || record.GetDateTime("ExpiresAt") is not { } expires || expires <= time.GetUtcNow() || uses >= MaxUses)
            return null;
        try
        {
            await _table.UpdateAsync(record with { Properties = new Dictionary<string, object?>(record.Properties) { ["Uses"] = uses + 1 } }, cancellationToken);
        }
        catch (ConcurrencyConflictException)
        {
            // Another answer used it meanwhile; chat.postEphemeral is the safe fallback.
            return null;
        }
        return new Uri(url);
    }

    // Slack's are https://hooks.slack.com/…; plain http only on loopback (tests).
    private static bool IsSlackCallable(string url) =>
        Uri.TryCreate(url, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttps || (uri.Scheme == Uri.UriSchemeHttp && uri.IsLoopback));
}
