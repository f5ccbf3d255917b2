using EngageBot.Channels;
using EngageBot.Features.Tickets.Policy;
using EngageBot.Scheduling.Calendars;

namespace EngageBot.Benchmarks.Tickets;

/// <summary>One partner policy and its owner, for every ticket the benchmark stores.</summary>
internal sealed class BenchmarkTicketPolicies : ITicketPolicySource
{
    public static readonly PartnerTicketPolicy Policy = new(
        "bench", "Bench Partner", "gold", TicketMode.QuestionsOnly,
        BusinessCalendarSpec.Weekdays("Europe/Berlin", new TimeOnly(9, 0), new TimeOnly(17, 0)),
        new SlaPolicy(new SlaTargets(TimeSpan.FromHours(2), TimeSpan.FromHours(4), TimeSpan.FromHours(16)),
            new SlaTargets(TimeSpan.FromMinutes(30), TimeSpan.FromHours(1), TimeSpan.FromHours(4))),
        TimeSpan.FromDays(3), TimeSpan.FromHours(1), new EscalationChain("owner", "backup", "sponsor"),
        new Dictionary<ChatPlatform, string>());

    private static readonly TicketPerson Owner = new("owner", "Owner", [new PlatformUserId(ChatPlatform.Slack, "U-OWNER")]);

    public Task<string?> FindPartnerIdByChannelAsync(ChatPlatform platform, string channelId, CancellationToken cancellationToken = default) =>
        Task.FromResult<string?>("bench");

    public Task<PartnerTicketPolicy?> GetPartnerPolicyAsync(string partnerId, CancellationToken cancellationToken = default) =>
        Task.FromResult<PartnerTicketPolicy?>(Policy with { PartnerId = partnerId });

    public Task<TicketPerson?> GetPersonAsync(string personId, CancellationToken cancellationToken = default) =>
        Task.FromResult<TicketPerson?>(Owner with { Id = personId });

    public Task<TicketPerson?> FindInternalPersonAsync(ChatPlatform platform, string platformUserId, CancellationToken cancellationToken = default) =>
        Task.FromResult<TicketPerson?>(null);
}

/// <summary>Counts enqueues; the benchmark measures the sweep, not delivery.</summary>
internal sealed class CountingOutbox : IOutbox
{
    public int Count;

    public Task EnqueueAsync(string idempotencyKey, DeliveryTarget target, OutboundMessage message, CancellationToken cancellationToken = default)
    {
        Interlocked.Increment(ref Count);
        return Task.CompletedTask;
    }
}
