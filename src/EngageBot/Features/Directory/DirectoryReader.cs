using EngageBot.Channels;
using EngageBot.Features.Directory.Model;
using EngageBot.Features.Directory.Store;
using Microsoft.Extensions.Options;

namespace EngageBot.Features.Directory;

/// <summary>
/// Serves every directory read from one cached snapshot. Adapters call it on every event, so the hot path is
/// a field read and a dictionary hit; at most once per RefreshInterval one caller re-reads the pointer (a
/// point read) and reloads only when the version or the chat-made links moved.
/// </summary>
public sealed class DirectoryReader(DirectoryStore store, TimeProvider time, IOptions<DirectoryOptions> options, ILogger<DirectoryReader> logger,
    IEnumerable<IPlatformDirectoryProjection>? projections = null)
    : IDirectoryLookup, IPartnerDirectory
{
    private readonly SemaphoreSlim _refresh = new(1, 1);
    private Cached? _cached;

    private sealed record Cached(DirectorySnapshot Snapshot, long Version, long LinksVersion, DateTimeOffset CheckedAt);

    public async Task<DirectorySnapshot> GetSnapshotAsync(CancellationToken cancellationToken = default)
    {
        var cached = _cached;
        if (cached is not null && time.GetUtcNow() - cached.CheckedAt < options.Value.RefreshInterval) return cached.Snapshot;
        await _refresh.WaitAsync(cancellationToken);
        try
        {
            if (_cached is { } fresh && fresh != cached && time.GetUtcNow() - fresh.CheckedAt < options.Value.RefreshInterval) return fresh.Snapshot;
            _cached = await LoadAsync(_cached, cancellationToken);
            return _cached.Snapshot;
        }
        catch (Exception e) when (e is not OperationCanceledException && _cached is { } stale)
        {
            // A store hiccup must not fail every chat event: keep serving the last good directory and retry after the interval.
            logger.LogWarning(e, "Could not refresh the partner directory; serving version {Version} until the next check.", stale.Version);
            _cached = stale with { CheckedAt = time.GetUtcNow() };
            return stale.Snapshot;
        }
        finally
        {
            _refresh.Release();
        }
    }

    /// <summary>Drops the cache so the next read sees a write this instance just made.</summary>
    public void Invalidate() => _cached = null;

    private async Task<Cached> LoadAsync(Cached? previous, CancellationToken cancellationToken)
    {
        for (var attempt = 1; ; attempt++)
        {
            var now = time.GetUtcNow();
            var pointer = await store.ReadPointerAsync(cancellationToken);
            if (pointer is null) return new Cached(DirectorySnapshot.Empty, 0, 0, now);
            if (previous is not null && previous.Version == pointer.Version && previous.LinksVersion == pointer.LinksVersion)
                return previous with { CheckedAt = now };
            var content = previous?.Version == pointer.Version ? previous.Snapshot.Content : Project(await store.ReadSnapshotAsync(pointer, cancellationToken));
            // Null: the snapshot was replaced and cleaned up between our two reads; the new pointer names a live one.
            if (content is null && attempt < 5) continue;
            var links = await store.ReadChannelLinksAsync(cancellationToken);
            var snapshot = new DirectorySnapshot(pointer.Version, content ?? throw new InvalidOperationException("The directory snapshot keeps changing while loading."), links);
            return new Cached(snapshot, pointer.Version, pointer.LinksVersion, now);
        }
    }

    private DirectoryContent? Project(DirectoryContent? content)
    {
        if (content is null || projections is null) return content;
        foreach (var projection in projections)
        {
            var platform = projection.Platform;
            content = content with
            {
                Partners = content.Partners.Select(p => projection.LinkFor(p) is { } link
                    ? p with { OtherPlatforms = new Dictionary<ChatPlatform, PlatformLink>(p.OtherPlatforms ?? new Dictionary<ChatPlatform, PlatformLink>()) { [platform] = link } }
                    : p).ToList(),
                People = content.People.Select(p => projection.UserIdFor(p) is { } id
                    ? p with { OtherIdentities = [.. (p.OtherIdentities ?? []).Where(i => i.Platform != platform), new PlatformUserId(platform, id)] }
                    : p).ToList(),
            };
        }
        return content;
    }

    public async Task<string?> FindPartnerIdByChannelAsync(ChatPlatform platform, string channelId, CancellationToken cancellationToken = default) =>
        (await GetSnapshotAsync(cancellationToken)).PartnerIdByChannel(platform, channelId);

    public async Task<PersonSummary?> FindPersonAsync(ChatPlatform platform, string platformUserId, CancellationToken cancellationToken = default) =>
        (await GetSnapshotAsync(cancellationToken)).PersonByPlatformUser(platform, platformUserId)?.ToSummary();

    public async Task<string?> FindPartnerIdByHomeTeamAsync(ChatPlatform platform, string teamOrTenantId, CancellationToken cancellationToken = default) =>
        (await GetSnapshotAsync(cancellationToken)).PartnerIdByHomeTeam(platform, teamOrTenantId);

    public async Task<Partner?> GetPartnerAsync(string partnerId, CancellationToken cancellationToken = default) =>
        (await GetSnapshotAsync(cancellationToken)).Partner(partnerId);

    public async Task<IReadOnlyList<Partner>> ListPartnersAsync(CancellationToken cancellationToken = default) =>
        (await GetSnapshotAsync(cancellationToken)).Partners;

    public async Task<Person?> GetPersonAsync(string personId, CancellationToken cancellationToken = default) =>
        (await GetSnapshotAsync(cancellationToken)).Person(personId);

    public async Task<IReadOnlyList<Person>> ListPeopleInRoleAsync(PersonRole role, CancellationToken cancellationToken = default) =>
        (await GetSnapshotAsync(cancellationToken)).PeopleInRole(role);

    public async Task<IReadOnlyList<Customer>> GetCustomersOfPartnerAsync(string partnerId, CancellationToken cancellationToken = default) =>
        (await GetSnapshotAsync(cancellationToken)).CustomersOf(partnerId);

    public async Task<SlaPolicy?> GetSlaPolicyAsync(string tier, CancellationToken cancellationToken = default) =>
        (await GetSnapshotAsync(cancellationToken)).PolicyFor(tier);

    public async Task<BusinessCalendar?> GetCalendarForPartnerAsync(string partnerId, CancellationToken cancellationToken = default) =>
        (await GetSnapshotAsync(cancellationToken)).CalendarFor(partnerId);
}
