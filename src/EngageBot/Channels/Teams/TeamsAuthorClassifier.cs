using EngageBot.BotFramework.Schema;
using EngageBot.Features.Directory;
using Microsoft.Extensions.Options;

namespace EngageBot.Channels.Teams;

/// <summary>
/// Tells our people from partner-side people in shared channels (build-apps-for-shared-private-channels.md): an account
/// whose home tenant differs from ours is external; guests carry userRole "guest"/"anonymous"; the people directory
/// (by AAD object id, then 29: id) is the authority for "internal". Our tenant is the configured TenantId, else the
/// conversation's host tenant (multi-tenant installs without a configured tenant).
/// </summary>
public sealed class TeamsAuthorClassifier(IDirectoryLookup directory, IOptions<TeamsOptions> options)
{
    public async Task<ChatUser?> ClassifyAsync(ChannelAccount? account, string? hostTenantId, CancellationToken cancellationToken)
    {
        if (account?.Id is not { Length: > 0 } id)
            return null;
        var ourTenant = options.Value.TenantId is { Length: > 0 } configured ? configured : hostTenantId;
        var homeTenant = account.TenantId ?? hostTenantId;
        if (IsBot(account))
            return new ChatUser(id, account.Name, AuthorKind.Bot, account.AadObjectId, homeTenant);
        return new ChatUser(id, account.Name, await KindAsync(account, ourTenant, cancellationToken), account.AadObjectId, homeTenant);
    }

    private async Task<AuthorKind> KindAsync(ChannelAccount account, string? ourTenant, CancellationToken cancellationToken)
    {
        if (account.TenantId is { Length: > 0 } home && ourTenant is { Length: > 0 } && !home.Equals(ourTenant, StringComparison.OrdinalIgnoreCase))
            return AuthorKind.Partner;
        if (account.AadObjectId is { Length: > 0 } aad && await directory.FindPersonAsync(ChatPlatform.Teams, aad, cancellationToken) is not null)
            return AuthorKind.Internal;
        if (await directory.FindPersonAsync(ChatPlatform.Teams, account.Id!, cancellationToken) is not null)
            return AuthorKind.Internal;
        if (account.UserRole is { } role && (role.Equals("guest", StringComparison.OrdinalIgnoreCase) || role.Equals("anonymous", StringComparison.OrdinalIgnoreCase)))
            return AuthorKind.Partner;
        // Same tenant but not in the directory: a colleague the directory does not know yet.
        if (account.TenantId is { Length: > 0 } && ourTenant is { Length: > 0 })
            return AuthorKind.Internal;
        return AuthorKind.Unknown;
    }

    public static bool IsBot(ChannelAccount account) =>
        string.Equals(account.Role, "bot", StringComparison.OrdinalIgnoreCase) || account.Id?.StartsWith("28:", StringComparison.Ordinal) == true;
}
