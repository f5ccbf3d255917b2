using EngageBot.Cards;
using EngageBot.Channels;
using EngageBot.Features.CheckIns;
using EngageBot.Features.ChurnRisk.Escalation;
using EngageBot.Features.Digests;
using EngageBot.Features.Digests.Delivery;
using EngageBot.Features.Directory;
using EngageBot.Features.Directory.Import;
using EngageBot.Features.Feedback;
using EngageBot.Features.Interactions;
using EngageBot.Features.Tickets.Storage;
using EngageBot.Scheduling;
using EngageBot.Storage;
using EngageBot.Storage.Sqlite;
using EngageBot.TestSupport;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace EngageBot.Tests.Digests;

/// <summary>
/// The digest feature over one store (SQLite, or what <c>storeFactory</c> opens), a manual clock and an outbox that notes
/// when each message was enqueued. Each <see cref="Instance"/> is its own service provider, as a second replica would be.
/// </summary>
public sealed class DigestWorld : IDisposable
{
    // Erin (London, Teams) sponsors acme; Sato (Tokyo, Slack only) sponsors nobody, so sees all; Nia (New York) has no chat id.
    public const string Yaml = """
        policies:
          - tier: gold
            normal: { first_response: 2h, next_response: 4h, resolution: 16h }
            urgent: { first_response: 30m, next_response: 1h, resolution: 4h }
        people:
          - { id: olivia, name: Olivia Owner, slack_user_id: U-OLIVIA, roles: [manager], timezone: UTC }
          - { id: mike, name: Mike Manager, slack_user_id: U-MIKE, roles: [manager], timezone: UTC }
          - { id: erin, name: Erin Exec, teams_aad_object_id: 0a000000-0000-4000-8000-0000000000e1, slack_user_id: U-ERIN, roles: [executive], timezone: Europe/London }
          - { id: sato, name: Sato Exec, slack_user_id: U-SATO, roles: [executive], timezone: Asia/Tokyo }
          - { id: nia, name: Nia Exec, roles: [executive], timezone: America/New_York }
          - { id: ned, name: Ned NewYork, slack_user_id: U-NED, roles: [executive], timezone: America/New_York }
        partners:
          - { id: acme, name: Acme Resellers, tier: gold, timezone: UTC, onboarded: 2025-01-01, owner: olivia, executive_sponsor: erin, slack: { team_ids: [T-ACME], channels: [C-ACME] } }
          - { id: beta, name: Beta Partners, tier: gold, timezone: UTC, onboarded: 2025-01-01, owner: mike, backup_owner: olivia, slack: { team_ids: [T-BETA], channels: [C-BETA] } }
          - { id: gamma, name: Gamma Group, tier: gold, timezone: UTC, onboarded: 2025-01-01, owner: mike, executive_sponsor: ned, slack: { team_ids: [T-GAMMA], channels: [C-GAMMA] } }
        """;

    private readonly TempDirectory _temp = new();
    private readonly Func<IRecordStore> _storeFactory;
    private readonly List<ServiceProvider> _instances = [];

    public DigestWorld(DateTimeOffset start, DigestOptions? options = null, Func<IRecordStore>? storeFactory = null)
    {
        Clock = new ManualTimeProvider(start);
        Options = options ?? new DigestOptions();
        Outbox = new TimedOutbox(Clock);
        _storeFactory = storeFactory ?? (() => new SqliteRecordStore(_temp.File("engagebot.db")));
        Primary = Instance();
        var result = Primary.GetRequiredService<DirectoryImporter>().ImportAsync(Yaml).GetAwaiter().GetResult();
        Assert.True(result.Succeeded, string.Join("\n", result.Errors.Select(e => e.Format("test.yaml"))));
    }

    public ManualTimeProvider Clock { get; }
    public DigestOptions Options { get; }
    public TimedOutbox Outbox { get; }
    public ServiceProvider Primary { get; }
    public WeeklyDigestSweeper Sweeper => Primary.GetRequiredService<WeeklyDigestSweeper>();

    public ServiceProvider Instance()
    {
        var services = new ServiceCollection();
        services.AddLogging(l => l.SetMinimumLevel(LogLevel.Warning));
        services.AddSingleton<TimeProvider>(Clock);
        services.AddSingleton(_storeFactory());
        services.AddSingleton(Microsoft.Extensions.Options.Options.Create(new DirectoryOptions { RefreshInterval = TimeSpan.FromSeconds(5) }));
        services.AddDirectoryServices();
        services.AddSingleton<IOutbox>(Outbox);
        services.AddChatPlatform<EngageBot.Channels.Slack.SlackPlatform>().AddChatPlatform<EngageBot.Channels.Teams.TeamsPlatform>();
        services.AddSingleton<IInteractionLog, InteractionStore>();
        services.AddDueIndex(Features.Tickets.Storage.TicketDueEntries.Table);
        services.AddSingleton<TicketStore>();
        services.AddSingleton(Microsoft.Extensions.Options.Options.Create(new ChurnEscalationOptions()));
        services.AddChurnEscalationServices();
        services.AddFeedbackServices();
        services.AddSingleton<CheckInStore>();
        services.AddSingleton(Microsoft.Extensions.Options.Options.Create(new FeedbackOptions()));
        services.AddSingleton(Microsoft.Extensions.Options.Options.Create(Options));
        services.AddSingleton(new CardLibrary(RepoPaths.Cards));
        services.AddDigestServices();
        var provider = services.BuildServiceProvider();
        _instances.Add(provider);
        return provider;
    }

    public void Dispose()
    {
        foreach (var instance in _instances) instance.Dispose();
        _temp.Dispose();
    }

    /// <summary>Records when (on the test's clock) each message was enqueued; a key enqueued again keeps its first time.</summary>
    public sealed class TimedOutbox(TimeProvider clock) : IOutbox
    {
        private readonly List<(string Key, DeliveryTarget Target, OutboundMessage Message, DateTimeOffset At)> _calls = [];

        public IReadOnlyList<(string Key, DeliveryTarget Target, OutboundMessage Message, DateTimeOffset At)> Calls { get { lock (_calls) return [.. _calls]; } }

        public IReadOnlyList<(string Key, DeliveryTarget Target, OutboundMessage Message, DateTimeOffset At)> Distinct =>
            Calls.GroupBy(c => c.Key).Select(g => g.First()).ToList();

        public Task EnqueueAsync(string idempotencyKey, DeliveryTarget target, OutboundMessage message, CancellationToken cancellationToken = default)
        {
            lock (_calls) _calls.Add((idempotencyKey, target, message, clock.GetUtcNow()));
            return Task.CompletedTask;
        }
    }
}
