using EngageBot.Channels;

namespace EngageBot.Features.Tickets.Policy;

/// <summary>
/// What the ticket feature needs to know about partners and people. The integrator implements it from the
/// partner directory; tests use an in-memory fake.
/// </summary>
public interface ITicketPolicySource
{
    /// <summary>The partner that linked this shared channel, or null when the channel belongs to no partner.</summary>
    Task<string?> FindPartnerIdByChannelAsync(ChatPlatform platform, string channelId, CancellationToken cancellationToken = default);

    /// <summary>The partner's ticket policy (tier, mode, calendar, SLA targets, escalation chain, triage channels), or null if unknown.</summary>
    Task<PartnerTicketPolicy?> GetPartnerPolicyAsync(string partnerId, CancellationToken cancellationToken = default);

    /// <summary>An internal person by directory id, or null.</summary>
    Task<TicketPerson?> GetPersonAsync(string personId, CancellationToken cancellationToken = default);

    /// <summary>The internal person behind a platform user id (Slack user id, Teams AAD object id or user id); null means not internal.</summary>
    Task<TicketPerson?> FindInternalPersonAsync(ChatPlatform platform, string platformUserId, CancellationToken cancellationToken = default);
}
