using EngageBot.Channels;
using EngageBot.Features.Directory;

namespace EngageBot.Tests.Teams;

/// <summary>An IDirectoryLookup holding a few internal people, keyed by Teams AAD object id or 29: id.</summary>
internal sealed class FakeDirectoryLookup : IDirectoryLookup
{
    private readonly Dictionary<string, PersonSummary> _people = new(StringComparer.OrdinalIgnoreCase);

    public FakeDirectoryLookup Add(string teamsId, string name)
    {
        _people[teamsId] = new PersonSummary(Guid.NewGuid().ToString("N"), name, null, ["partner-manager"], null, teamsId);
        return this;
    }

    public Task<string?> FindPartnerIdByChannelAsync(ChatPlatform platform, string channelId, CancellationToken cancellationToken = default) =>
        Task.FromResult<string?>(null);

    public Task<PersonSummary?> FindPersonAsync(ChatPlatform platform, string platformUserId, CancellationToken cancellationToken = default) =>
        Task.FromResult(platform == ChatPlatform.Teams && _people.TryGetValue(platformUserId, out var p) ? p : null);
}
