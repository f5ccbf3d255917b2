using System.Collections.Concurrent;
using EngageBot.Channels;
using EngageBot.Features.Directory;

namespace EngageBot.Tests;

/// <summary>An <see cref="IDirectoryLookup"/> holding the channel links and internal people a test sets.</summary>
public sealed class FakeDirectoryLookup(Dictionary<string, string>? partnersByChannel = null) : IDirectoryLookup
{
    // Teams ids (Entra object ids, 29: ids) compare case-insensitively; Slack ids never differ only in case.
    private readonly ConcurrentDictionary<string, PersonSummary> _people = new(StringComparer.OrdinalIgnoreCase);

    public ConcurrentDictionary<string, string> PartnerByChannel { get; } = new(partnersByChannel ?? []);

    public Task<string?> FindPartnerIdByChannelAsync(ChatPlatform platform, string channelId, CancellationToken cancellationToken = default) =>
        Task.FromResult(PartnerByChannel.TryGetValue(channelId, out var p) ? p : null);

    public Task<PersonSummary?> FindPersonAsync(ChatPlatform platform, string platformUserId, CancellationToken cancellationToken = default) =>
        Task.FromResult(_people.TryGetValue(Key(platform, platformUserId), out var p) ? p : null);

    public FakeDirectoryLookup AddSlackPerson(string slackUserId, string name)
    {
        _people[Key(ChatPlatform.Slack, slackUserId)] = new PersonSummary("p-" + slackUserId, name, null, ["PartnerManager"], slackUserId, null);
        return this;
    }

    public FakeDirectoryLookup AddTeamsPerson(string teamsId, string name)
    {
        _people[Key(ChatPlatform.Teams, teamsId)] = new PersonSummary("p-" + teamsId, name, null, ["PartnerManager"], null, teamsId);
        return this;
    }

    public void Clear()
    {
        PartnerByChannel.Clear();
        _people.Clear();
    }

    private static string Key(ChatPlatform platform, string id) => $"{platform}|{id}";
}
