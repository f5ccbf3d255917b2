using EngageBot.BotFramework.Schema;
using EngageBot.Storage;

namespace EngageBot.Channels.Teams;

/// <summary>
/// What the bot needs to speak first in Teams (send-proactive-messages.md): service URL, tenant, bot id and the
/// conversation id, refreshed on every inbound activity because the service URL can change.
/// Table "teamsconversations"; row keys are the ids escaped with Uri.EscapeDataString (Table Storage forbids '/', '#', '?').
///   PK "conversation", RK {channel conversation id without ";messageid="} → channel/group/personal reference. Serves Post/Update.
///   PK "user",         RK {AAD object id} and RK {29: user id} → the user's tenant, service URL and, once known,
///                       their 1:1 conversation id. Serves DirectMessage by either id.
///   PK "bot",          RK "default" → the last service URL and tenant seen, for DMs to users the bot never heard from.
///   PK "author",       RK {29: id} and RK {AAD object id} → how the person's last command or card action was
///                       classified (AuthorKind), so a private answer goes by DM only to our own people: a bot cannot
///                       open a 1:1 chat with someone of another tenant.
///   PK "tenant",       RK {tenant id} → that tenant's last service URL, for posting to channels the bot never heard
///                       from (a Teams app installed in a team announces only one of its channels).
/// </summary>
public sealed class ConversationReferenceStore(IRecordStore store, TimeProvider time)
{
    private const string ConversationPartition = "conversation";
    private const string UserPartition = "user";
    private const string BotPartition = "bot";
    private const string TenantPartition = "tenant";
    private const string AuthorPartition = "author";
    private readonly IRecordTable _table = store.Table("teamsconversations");

    public async Task RememberAsync(Activity activity, CancellationToken cancellationToken = default)
    {
        if (activity.ServiceUrl is not { Length: > 0 } serviceUrl || activity.Conversation?.Id is not { Length: > 0 } conversationId)
            return;
        var channelData = activity.GetTeamsChannelData();
        var tenantId = TeamsActivityMapper.HostTenant(activity);
        var (channelId, _) = TeamsConversationId.Split(conversationId);
        var now = time.GetUtcNow();
        var reference = new TeamsConversationReference(channelId, serviceUrl, tenantId, activity.Recipient?.Id,
            activity.Conversation.ConversationType, channelData?.Team?.Id, channelData?.Channel?.Id ?? channelData?.Settings?.SelectedChannel?.Id);
        await _table.UpsertAsync(ToRecord(ConversationPartition, channelId, reference, now), cancellationToken);
        await _table.UpsertAsync(ToRecord(BotPartition, "default", reference, now), cancellationToken);
        if (tenantId is { Length: > 0 })
            await _table.UpsertAsync(ToRecord(TenantPartition, tenantId, reference, now), cancellationToken);

        if (activity.From is { Id: { Length: > 0 } userId } from && !TeamsAuthorClassifier.IsBot(from))
        {
            var personal = activity.Conversation.ConversationType == "personal" ? channelId : null;
            foreach (var key in new[] { from.AadObjectId, userId }.OfType<string>().Where(k => k.Length > 0))
                await RememberUserAsync(key, userId, from.AadObjectId, from.TenantId ?? tenantId, serviceUrl, personal, now, cancellationToken);
        }
    }

    public async Task<TeamsConversationReference?> FindConversationAsync(string channelId, CancellationToken cancellationToken = default) =>
        await _table.GetAsync(ConversationPartition, Key(channelId), cancellationToken) is { } record ? FromRecord(record) : null;

    /// <summary>The last reference seen in <paramref name="tenantId"/> (its service URL and the bot's id there).</summary>
    public async Task<TeamsConversationReference?> FindTenantAsync(string tenantId, CancellationToken cancellationToken = default) =>
        await _table.GetAsync(TenantPartition, Key(tenantId), cancellationToken) is { } record ? FromRecord(record) : null;

    /// <summary>Records a channel the bot reached by creating a conversation in it, so replies and updates find it.</summary>
    public Task RememberChannelAsync(TeamsConversationReference reference, CancellationToken cancellationToken = default) =>
        _table.UpsertAsync(ToRecord(ConversationPartition, reference.ConversationId, reference, time.GetUtcNow()), cancellationToken);

    public async Task<TeamsConversationReference?> FindDefaultAsync(CancellationToken cancellationToken = default) =>
        await _table.GetAsync(BotPartition, "default", cancellationToken) is { } record ? FromRecord(record) : null;

    public async Task<TeamsUserReference?> FindUserAsync(string userIdOrAadObjectId, CancellationToken cancellationToken = default)
    {
        if (await _table.GetAsync(UserPartition, Key(userIdOrAadObjectId), cancellationToken) is not { } r)
            return null;
        return new TeamsUserReference(r.GetString("UserId") ?? userIdOrAadObjectId, r.GetString("AadObjectId"), r.GetString("TenantId"),
            r.GetString("ServiceUrl") ?? "", r.GetString("PersonalConversationId"));
    }

    /// <summary>Remembers how a person who asked us something was classified, under both of their ids.</summary>
    public async Task RememberAuthorAsync(ChatUser author, CancellationToken cancellationToken = default)
    {
        foreach (var key in new[] { author.Id, author.AadObjectId }.OfType<string>().Where(k => k.Length > 0).Distinct())
            await _table.UpsertAsync(new StorageRecord(AuthorPartition, Key(key), new Dictionary<string, object?>
            {
                ["Kind"] = author.Kind.ToString(),
                ["UpdatedAt"] = time.GetUtcNow(),
            }), cancellationToken);
    }

    /// <summary>How the person was last classified when they asked us something; null if they never did.</summary>
    public async Task<AuthorKind?> FindAuthorKindAsync(string userIdOrAadObjectId, CancellationToken cancellationToken = default) =>
        (await _table.GetAsync(AuthorPartition, Key(userIdOrAadObjectId), cancellationToken))?.GetString("Kind") is { } kind
            && Enum.TryParse<AuthorKind>(kind, out var parsed) ? parsed : null;

    /// <summary>Records the 1:1 conversation created for a user, under both of their ids.</summary>
    public async Task RememberPersonalConversationAsync(TeamsUserReference user, CancellationToken cancellationToken = default)
    {
        foreach (var key in new[] { user.AadObjectId, user.UserId }.OfType<string>().Where(k => k.Length > 0).Distinct())
            await RememberUserAsync(key, user.UserId, user.AadObjectId, user.TenantId, user.ServiceUrl, user.PersonalConversationId, time.GetUtcNow(), cancellationToken);
    }

    private async Task RememberUserAsync(string key, string userId, string? aadObjectId, string? tenantId, string serviceUrl,
        string? personalConversationId, DateTimeOffset now, CancellationToken cancellationToken)
    {
        // Keep a known 1:1 conversation id when this activity came from a channel.
        personalConversationId ??= (await _table.GetAsync(UserPartition, Key(key), cancellationToken))?.GetString("PersonalConversationId");
        var properties = new Dictionary<string, object?>
        {
            ["UserId"] = userId,
            ["AadObjectId"] = aadObjectId,
            ["TenantId"] = tenantId,
            ["ServiceUrl"] = serviceUrl,
            ["PersonalConversationId"] = personalConversationId,
            ["UpdatedAt"] = now,
        };
        await _table.UpsertAsync(new StorageRecord(UserPartition, Key(key), properties), cancellationToken);
    }

    private static string Key(string id) => Uri.EscapeDataString(id);

    private static StorageRecord ToRecord(string partition, string channelId, TeamsConversationReference r, DateTimeOffset now) =>
        new(partition, partition == BotPartition ? "default" : Key(channelId), new Dictionary<string, object?>
        {
            ["ConversationId"] = r.ConversationId,
            ["ServiceUrl"] = r.ServiceUrl,
            ["TenantId"] = r.TenantId,
            ["BotId"] = r.BotId,
            ["ConversationType"] = r.ConversationType,
            ["TeamId"] = r.TeamId,
            ["TeamsChannelId"] = r.TeamsChannelId,
            ["UpdatedAt"] = now,
        });

    private static TeamsConversationReference FromRecord(StorageRecord r) => new(
        r.GetString("ConversationId") ?? Uri.UnescapeDataString(r.RowKey), r.GetString("ServiceUrl") ?? "", r.GetString("TenantId"),
        r.GetString("BotId"), r.GetString("ConversationType"), r.GetString("TeamId"), r.GetString("TeamsChannelId"));
}

/// <summary>A conversation the bot can post into.</summary>
public sealed record TeamsConversationReference(string ConversationId, string ServiceUrl, string? TenantId, string? BotId,
    string? ConversationType, string? TeamId, string? TeamsChannelId);

/// <summary>A person the bot can DM: their 29: id, AAD object id, tenant and (once created) the 1:1 conversation.</summary>
public sealed record TeamsUserReference(string UserId, string? AadObjectId, string? TenantId, string ServiceUrl, string? PersonalConversationId);
