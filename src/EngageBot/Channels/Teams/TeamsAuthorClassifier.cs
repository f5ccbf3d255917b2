using EngageBot.BotFramework.Schema;
using EngageBot.Features.Directory;
using Microsoft.Extensions.Options;

namespace EngageBot.Channels.Teams;

/// <summary>
/// Tells our people from partner-side people (build-apps-for-shared-private-channels.md), mirroring the Slack classifier.
/// In order: bots → Bot; someone in the people directory (by AAD object id, then 29: id) → Internal, wherever their
/// account lives; a home tenant (the account's tenantId, sent for shared-channel members) other than ours → Partner;
/// a guest (userRole "guest"/"anonymous": a guest account lives in our tenant but is a partner's person) → Partner;
/// an Entra user of our configured TenantId (their own tenantId, else the activity's tenant) → Internal, unless the
/// Connector's member record calls them a guest (→ Partner) or cannot be read (→ Unknown, which the features treat
/// as partner-side, so a guest's question is not lost); else Unknown.
/// Without a configured TenantId the host tenant only separates strangers: in a shared channel a partner hosts, the
/// host tenant is theirs, so it cannot make anyone internal.
/// </summary>
public sealed class TeamsAuthorClassifier(IDirectoryLookup directory, IOptions<TeamsOptions> options, TeamsMemberRoles? memberRoles = null)
{
    /// <param name="conversation">Where the account was seen, so its role can be looked up when the activity omits it.</param>
    public async Task<ChatUser?> ClassifyAsync(ChannelAccount? account, string? hostTenantId, CancellationToken cancellationToken, TeamsMemberSource? conversation = null)
    {
        if (account?.Id is not { Length: > 0 } id)
            return null;
        var homeTenant = account.TenantId ?? hostTenantId;
        if (IsBot(account))
            return new ChatUser(id, account.Name, AuthorKind.Bot, account.AadObjectId, homeTenant);
        return new ChatUser(id, account.Name, await KindAsync(account, hostTenantId, conversation, cancellationToken), account.AadObjectId, homeTenant);
    }

    private async Task<AuthorKind> KindAsync(ChannelAccount account, string? hostTenantId, TeamsMemberSource? conversation, CancellationToken cancellationToken)
    {
        var configured = options.Value.TenantId is { Length: > 0 } tenant ? tenant : null;
        var ourTenant = configured ?? hostTenantId;
        if (account.AadObjectId is { Length: > 0 } aad && await directory.FindPersonAsync(ChatPlatform.Teams, aad, cancellationToken) is not null)
            return AuthorKind.Internal;
        if (await directory.FindPersonAsync(ChatPlatform.Teams, account.Id!, cancellationToken) is not null)
            return AuthorKind.Internal;
        if (account.TenantId is { Length: > 0 } home && ourTenant is { Length: > 0 } && !SameTenant(home, ourTenant))
            return AuthorKind.Partner;
        if (IsGuest(account))
            return AuthorKind.Partner;
        // A colleague the directory does not know yet. Messages rarely carry from.tenantId, so an Entra user (one with an
        // aadObjectId; anonymous meeting users have none) is taken to belong to the activity's tenant.
        var entraTenant = account.TenantId ?? (account.AadObjectId is { Length: > 0 } ? hostTenantId : null);
        if (!SameTenant(entraTenant, configured))
            return AuthorKind.Unknown;
        // Guests live in our tenant too; only the member record tells them apart when the activity has no userRole.
        if (account.UserRole is not null || memberRoles is null || conversation is null)
            return AuthorKind.Internal;
        return await memberRoles.FindAsync(conversation.ServiceUrl, conversation.ConversationId, account.Id!, cancellationToken) switch
        {
            null => AuthorKind.Unknown,
            var role when IsGuestRole(role) => AuthorKind.Partner,
            _ => AuthorKind.Internal,
        };
    }

    public static bool IsBot(ChannelAccount account) =>
        string.Equals(account.Role, "bot", StringComparison.OrdinalIgnoreCase) || account.Id?.StartsWith("28:", StringComparison.Ordinal) == true;

    private static bool IsGuest(ChannelAccount account) => account.UserRole is { } role && IsGuestRole(role);

    private static bool IsGuestRole(string role) =>
        role.Equals("guest", StringComparison.OrdinalIgnoreCase) || role.Equals("anonymous", StringComparison.OrdinalIgnoreCase);

    private static bool SameTenant(string? a, string? b) => a is not null && b is not null && a.Equals(b, StringComparison.OrdinalIgnoreCase);
}

/// <summary>The conversation an account was seen in, and the Connector that serves it.</summary>
public sealed record TeamsMemberSource(string ServiceUrl, string ConversationId);
