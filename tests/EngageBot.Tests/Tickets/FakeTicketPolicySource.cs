using EngageBot.Channels;
using EngageBot.Features.Tickets.Policy;

namespace EngageBot.Tests.Tickets;

/// <summary>An in-memory partner directory for ticket tests.</summary>
public sealed class FakeTicketPolicySource : ITicketPolicySource
{
    public Dictionary<string, PartnerTicketPolicy> Partners { get; } = new();
    public Dictionary<(ChatPlatform, string), string> Channels { get; } = new();
    public Dictionary<string, TicketPerson> People { get; } = new();

    public void AddPartner(PartnerTicketPolicy policy, ChatPlatform platform, string channelId)
    {
        Partners[policy.PartnerId] = policy;
        Channels[(platform, channelId)] = policy.PartnerId;
    }

    public void AddPerson(TicketPerson person) => People[person.Id] = person;

    public Task<string?> FindPartnerIdByChannelAsync(ChatPlatform platform, string channelId, CancellationToken cancellationToken = default) =>
        Task.FromResult(Channels.TryGetValue((platform, channelId), out var id) ? id : null);

    public Task<PartnerTicketPolicy?> GetPartnerPolicyAsync(string partnerId, CancellationToken cancellationToken = default) =>
        Task.FromResult(Partners.TryGetValue(partnerId, out var p) ? p : null);

    public Task<TicketPerson?> GetPersonAsync(string personId, CancellationToken cancellationToken = default) =>
        Task.FromResult(People.TryGetValue(personId, out var p) ? p : null);

    public Task<TicketPerson?> FindInternalPersonAsync(ChatPlatform platform, string platformUserId, CancellationToken cancellationToken = default) =>
        Task.FromResult(People.Values.FirstOrDefault(p => p.Identities.On(platform) == platformUserId));
}
