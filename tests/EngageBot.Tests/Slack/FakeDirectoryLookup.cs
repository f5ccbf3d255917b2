using System.Collections.Concurrent;
using EngageBot.Channels;
using EngageBot.Features.Directory;

namespace EngageBot.Tests.Slack;

public sealed class FakeDirectoryLookup : IDirectoryLookup
{
    public ConcurrentDictionary<string, string> PartnerByChannel { get; } = new();
    public ConcurrentDictionary<string, PersonSummary> People { get; } = new();

    public Task<string?> FindPartnerIdByChannelAsync(ChatPlatform platform, string channelId, CancellationToken cancellationToken = default) =>
        Task.FromResult(PartnerByChannel.TryGetValue(channelId, out var p) ? p : null);

    public Task<PersonSummary?> FindPersonAsync(ChatPlatform platform, string platformUserId, CancellationToken cancellationToken = default) =>
        Task.FromResult(People.TryGetValue(platformUserId, out var p) ? p : null);

    public void AddPerson(string slackUserId, string name) =>
        People[slackUserId] = new PersonSummary("p-" + slackUserId, name, null, ["PartnerManager"], slackUserId, null);

    public void Clear()
    {
        PartnerByChannel.Clear();
        People.Clear();
    }
}
