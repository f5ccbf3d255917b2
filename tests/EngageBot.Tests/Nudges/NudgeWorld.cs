using EngageBot.Channels;
using EngageBot.Features.CheckIns;
using EngageBot.Features.Interactions;
using EngageBot.Features.Nudges;
using EngageBot.Features.Tickets.Lifecycle;
using EngageBot.Features.Tickets.Sla;
using EngageBot.Features.Tickets.Storage;
using EngageBot.Scheduling;
using EngageBot.Storage;
using EngageBot.TestSupport;
using EngageBot.Tests.CheckIns;
using EngageBot.Tests.Tickets;
using Microsoft.Extensions.DependencyInjection;

namespace EngageBot.Tests.Nudges;

/// <summary>
/// The check-in world (one store, one manual clock, one recording outbox, instances as separate providers) with the
/// daily nudge's services, the interaction log and the ticket store, over <see cref="Yaml"/>: olivia in Berlin owns
/// acme (gold: passive after 3 business days, quiet after 5 days) and beta (silver: the defaults, 5 and 7); noah in New
/// York, on Teams only, owns nova, onboarded on 20 November 2026.
/// </summary>
public sealed class NudgeWorld : IDisposable
{
    public const string AcmeChannel = "C-ACME";
    public const string BetaChannel = "C-BETA";
    public const string NovaChannel = "19:nova@thread.tacv2";

    public static string Yaml(string goldNudges = "{ passive_after: 3, quiet_after: 5d, onboarding_grace: 10 }") =>
        $$"""
        calendars:
          - { id: berlin, timezone: Europe/Berlin, hours: "09:00-17:00", holidays: [2026-12-25] }
        policies:
          - tier: gold
            normal: { first_response: 4h, next_response: 8h, resolution: 40h }
            urgent: { first_response: 1h, next_response: 2h, resolution: 8h }
            nudges: {{goldNudges}}
          - tier: silver
            normal: { first_response: 8h, next_response: 8h, resolution: 80h }
            urgent: { first_response: 2h, next_response: 4h, resolution: 16h }
        people:
          - { id: olivia, name: Olivia Owner, slack_user_id: U-OLIVIA, teams_aad_object_id: 0a000000-0000-4000-8000-000000000001, timezone: Europe/Berlin, working_hours: "09:00-17:00", roles: [manager] }
          - { id: noah, name: Noah North, teams_aad_object_id: 0a000000-0000-4000-8000-000000000002, timezone: America/New_York, working_hours: "08:30-16:30", roles: [manager] }
        partners:
          - { id: acme, name: Acme Resellers, tier: gold, timezone: Europe/Berlin, calendar: berlin, onboarded: 2025-01-01, owner: olivia, check_in: none, slack: { team_ids: [T-ACME], channels: [C-ACME] } }
          - { id: beta, name: Beta Partners, tier: silver, timezone: Europe/Berlin, onboarded: 2025-01-01, owner: olivia, check_in: none, slack: { team_ids: [T-BETA], channels: [C-BETA] } }
          - { id: nova, name: Nova Systems, tier: gold, timezone: America/New_York, onboarded: 2026-11-20, owner: noah, check_in: none, teams: { tenant_ids: [tenant-nova], channels: ["19:nova@thread.tacv2"] } }
        """;

    private readonly CheckInWorld _world;
    private int _messages;

    /// <param name="start">Default: Sunday 6 December 2026, 12:00 UTC (before anyone's Monday).</param>
    public NudgeWorld(NudgesOptions? options = null, Func<IRecordStore>? storeFactory = null, DateTimeOffset? start = null, string? yaml = null)
    {
        Options = options ?? new NudgesOptions();
        _world = new CheckInWorld(storeFactory: storeFactory, start: start ?? new DateTimeOffset(2026, 12, 6, 12, 0, 0, TimeSpan.Zero), yaml: yaml ?? Yaml(),
            configure: services =>
            {
                services.AddSingleton(Microsoft.Extensions.Options.Options.Create(Options));
                services.AddSingleton<IInteractionLog, InteractionStore>();
                services.AddDueIndex(TicketDueEntries.Table);
                services.AddSingleton<TicketStore>();
                services.AddNudgeServices();
            });
    }

    public NudgesOptions Options { get; }
    public ManualTimeProvider Clock => _world.Clock;
    public RecordingOutbox Outbox => _world.Outbox;
    public ManagerNudgeSweeper Sweeper => _world.Primary.GetRequiredService<ManagerNudgeSweeper>();
    public ClaimLedger Claims => _world.Primary.GetRequiredKeyedService<ClaimLedger>(ManagerNudgeDueEntries.Claims);

    public ServiceProvider Instance() => _world.Instance();

    public Task ImportAsync(string yaml) => _world.ImportAsync(yaml);

    /// <summary>The daily nudges enqueued (one per outbox key), in order.</summary>
    public IReadOnlyList<RecordingOutbox.Sent> Nudges => Outbox.All.Where(s => s.Key.StartsWith("daily-nudge|", StringComparison.Ordinal)).ToList();

    public Task<ManagerNudgeSweepReport> SweepAtAsync(DateTimeOffset at)
    {
        Clock.SetUtcNow(at);
        return Sweeper.SweepAsync(CancellationToken.None);
    }

    /// <summary>Sweeps every <paramref name="step"/> from the clock's time up to <paramref name="until"/>.</summary>
    public async Task SweepUntilAsync(DateTimeOffset until, TimeSpan step)
    {
        for (var at = Clock.GetUtcNow(); at <= until; at += step) await SweepAtAsync(at);
    }

    /// <summary>A message in the partner's shared channel, as the inbox records it.</summary>
    public Task SayAsync(string partnerId, string channel, AuthorKind author, DateTimeOffset at, ChatPlatform? platform = null) =>
        _world.Primary.GetRequiredService<IInteractionLog>().AppendAsync(new Interaction(platform ?? ChatPlatform.Slack, channel, null, $"m{Interlocked.Increment(ref _messages)}", partnerId,
            author == AuthorKind.Partner ? "U-PAT" : "U-OLIVIA", "Someone", author, "hello", at, "message", InteractionDirection.Inbound));

    public Task CreateCheckInAsync(CheckIn checkIn) => _world.CheckIns.CreateAsync(checkIn);

    /// <summary>Opens a ticket (2h first response on Berlin business hours) in the partner's channel at <paramref name="at"/>.</summary>
    public async Task<Ticket> OpenTicketAsync(string id, string partnerId, string channel, DateTimeOffset at, string question)
    {
        var ticket = Ticket.Open(id, partnerId, new ConversationRef(ChatPlatform.Slack, channel), "1796550000.000100", new TicketParty("U-PAT", "Pat"),
            question, "message", at, SlaContext.From(TicketTestHost.Acme()));
        await _world.Primary.GetRequiredService<TicketStore>().CreateAsync(ticket);
        return ticket;
    }

    public Task CloseTicketAsync(string id, DateTimeOffset at) =>
        _world.Primary.GetRequiredService<TicketStore>().UpdateAsync(id, t => t.Close(new TicketParty("U-OLIVIA", "Olivia"), at, "answered"));

    public void Dispose() => _world.Dispose();
}
