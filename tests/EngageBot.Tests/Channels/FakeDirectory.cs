using EngageBot.Channels;
using EngageBot.Features.Directory;

namespace EngageBot.Tests.Channels;

/// <summary>Channel → partner links set by the test.</summary>
internal sealed class FakeDirectory(Dictionary<string, string>? partnersByChannel = null) : IDirectoryLookup
{
    public Task<string?> FindPartnerIdByChannelAsync(ChatPlatform platform, string channelId, CancellationToken cancellationToken = default) =>
        Task.FromResult(partnersByChannel?.GetValueOrDefault(channelId));

    public Task<PersonSummary?> FindPersonAsync(ChatPlatform platform, string platformUserId, CancellationToken cancellationToken = default) =>
        Task.FromResult<PersonSummary?>(null);
}
