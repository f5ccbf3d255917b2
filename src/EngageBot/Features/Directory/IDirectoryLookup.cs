using EngageBot.Channels;

namespace EngageBot.Features.Directory;

/// <summary>
/// What channel adapters and features ask the partner directory while handling events:
/// which partner owns a channel, and which internal person a platform user is.
/// </summary>
public interface IDirectoryLookup
{
    /// <summary>The id of the partner that linked this channel, or null if none claims it.</summary>
    Task<string?> FindPartnerIdByChannelAsync(ChatPlatform platform, string channelId, CancellationToken cancellationToken = default);

    /// <summary>The internal person with this user id on the platform (Slack user id, Teams AAD object id, …), or null for anyone else.</summary>
    Task<PersonSummary?> FindPersonAsync(ChatPlatform platform, string platformUserId, CancellationToken cancellationToken = default);

    /// <summary>
    /// The partner whose Slack team id / Teams tenant id this is (so a user from that workspace is partner-side),
    /// or null if no partner lists it. Default: unknown, for fakes that don't care.
    /// </summary>
    Task<string?> FindPartnerIdByHomeTeamAsync(ChatPlatform platform, string teamOrTenantId, CancellationToken cancellationToken = default) =>
        Task.FromResult<string?>(null);
}

/// <summary>An internal person as adapters need them: enough to tell "ours" from "partner-side" and to address them.</summary>
public sealed record PersonSummary(string Id, string Name, string? Email, IReadOnlyList<string> Roles, string? SlackUserId, string? TeamsAadObjectId);
