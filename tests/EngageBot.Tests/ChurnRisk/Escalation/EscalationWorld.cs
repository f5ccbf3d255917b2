using System.Text.Json.Nodes;
using EngageBot.Cards;
using EngageBot.Channels;
using EngageBot.Features.ChurnRisk.Detection;
using EngageBot.Features.ChurnRisk.Escalation;
using EngageBot.Features.Directory;
using EngageBot.Features.Directory.Import;
using EngageBot.Features.Directory.Store;
using EngageBot.Features.Interactions;
using EngageBot.Storage;
using EngageBot.Storage.Sqlite;
using EngageBot.Tests.Storage;
using EngageBot.TestSupport;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Risk = EngageBot.Features.ChurnRisk.Escalation.ChurnRisk;

namespace EngageBot.Tests.ChurnRisk.Escalation;

/// <summary>
/// One SQLite file, one manual clock, one recording outbox and a directory imported from <see cref="Yaml"/>. Each
/// <see cref="Instance"/> is a separate service provider over the same file: two of them behave like two instances
/// (or one instance before and after a restart).
/// </summary>
public sealed class EscalationWorld : IDisposable
{
    public const string SlackChannel = "C-ACME";
    public const string TeamsChannel = "19:acme@thread.tacv2";
    public const string AadOlivia = "0a000000-0000-4000-8000-000000000001";
    public const string AadBob = "0a000000-0000-4000-8000-000000000002";
    public const string AadSam = "0a000000-0000-4000-8000-000000000003";
    public const string AadCarla = "0a000000-0000-4000-8000-000000000004";
    public const string AadTina = "0a000000-0000-4000-8000-000000000005";

    // Monday 2026-11-02 09:00 UTC; the partner's calendar is London, 09:00–17:00 weekdays (UTC in November).
    public const string Yaml =
        """
        policies:
          - tier: gold
            normal: { first_response: 4h, next_response: 8h, resolution: 40h }
            urgent: { first_response: 1h, next_response: 2h, resolution: 8h }
        people:
          - { id: olivia, name: Olivia Owner, email: olivia@example.com, slack_user_id: U-OLIVIA, teams_aad_object_id: 0a000000-0000-4000-8000-000000000001, roles: [manager] }
          - { id: bob, name: Bob Backup, email: bob@example.com, slack_user_id: U-BOB, teams_aad_object_id: 0a000000-0000-4000-8000-000000000002, roles: [manager] }
          - { id: sam, name: Sam Sponsor, email: sam@example.com, slack_user_id: U-SAM, teams_aad_object_id: 0a000000-0000-4000-8000-000000000003, roles: [executive] }
          - { id: carla, name: Carla Account, email: carla@example.com, slack_user_id: U-CARLA, teams_aad_object_id: 0a000000-0000-4000-8000-000000000004, roles: [manager] }
          - { id: tina, name: Tina Teams, email: tina@example.com, teams_aad_object_id: 0a000000-0000-4000-8000-000000000005, roles: [support] }
          - { id: nobody, name: No Chat, email: nobody@example.com, roles: [support] }
        partners:
          - id: acme
            name: Acme Resellers
            tier: gold
            timezone: Europe/London
            onboarded: 2025-01-01
            owner: olivia
            backup_owner: bob
            executive_sponsor: sam
            slack:
              team_ids: [T-ACME]
              channels: [C-ACME]
            teams:
              tenant_ids: [tenant-acme]
              channels: ["19:acme@thread.tacv2"]
        customers:
          - { id: globex, name: Globex, account_owner: carla, partners: [acme] }
          - { id: initech, name: Initech, partners: [acme] }
        """;

    private readonly TempDirectory _temp = new();
    private readonly List<ServiceProvider> _instances = [];
    private int _ids;

    public EscalationWorld(ChurnEscalationOptions? options = null)
    {
        Options = options ?? new ChurnEscalationOptions { RepeatCount = 2, RepeatInterval = TimeSpan.FromDays(1) };
        Primary = Instance();
        var result = Primary.GetRequiredService<DirectoryImporter>().ImportAsync(Yaml).GetAwaiter().GetResult();
        Assert.True(result.Succeeded, string.Join("\n", result.Errors.Select(e => e.Format("test.yaml"))));
    }

    public ManualTimeProvider Clock { get; } = new();
    public RecordingOutbox Outbox { get; } = new();
    public ChurnEscalationOptions Options { get; }
    public ServiceProvider Primary { get; }
    public string DatabasePath => _temp.File("engagebot.db");

    public ChurnSignalHandler Handler => Primary.GetRequiredService<ChurnSignalHandler>();
    public ChurnRiskActionHandler Actions => Primary.GetRequiredService<ChurnRiskActionHandler>();
    public ChurnEscalationSweeper Sweeper => Primary.GetRequiredService<ChurnEscalationSweeper>();
    public ChurnRiskStore Store => Primary.GetRequiredService<ChurnRiskStore>();

    /// <summary>A new instance over the same database, clock and outbox (its own caches and connections).</summary>
    /// <param name="crashes">Makes this instance's store and outbox writes steps of a fault-injection schedule.</param>
    public ServiceProvider Instance(CrashSchedule? crashes = null)
    {
        var services = new ServiceCollection();
        services.AddLogging(l => l.SetMinimumLevel(LogLevel.Warning));
        services.AddSingleton<TimeProvider>(Clock);
        IRecordStore store = new SqliteRecordStore(DatabasePath);
        services.AddSingleton(crashes is null ? store : new CrashingRecordStore(store, crashes));
        services.AddSingleton(Microsoft.Extensions.Options.Options.Create(new DirectoryOptions { RefreshInterval = TimeSpan.FromSeconds(5) }));
        services.AddSingleton<DirectoryStore>();
        services.AddSingleton<DirectoryReader>();
        services.AddSingleton<DirectoryImporter>();
        services.AddSingleton<IDirectoryLookup>(sp => sp.GetRequiredService<DirectoryReader>());
        services.AddSingleton<IPartnerDirectory>(sp => sp.GetRequiredService<DirectoryReader>());
        services.AddSingleton<IInteractionLog, InteractionStore>();
        services.AddSingleton<IChurnDetector, RulesChurnDetector>();
        services.AddSingleton<IOutbox>(crashes is null ? Outbox : new CrashingOutbox(Outbox, crashes));
        services.AddSingleton(Microsoft.Extensions.Options.Options.Create(Options));
        services.AddSingleton(new CardLibrary(RepoPaths.Cards));
        // The built-in adapters describe their platforms (thread links, help prefixes, modal errors) as in the service.
        services.AddChatPlatform<EngageBot.Channels.Slack.SlackPlatform>().AddChatPlatform<EngageBot.Channels.Teams.TeamsPlatform>();
        services.AddChurnEscalationServices();
        var provider = services.BuildServiceProvider();
        _instances.Add(provider);
        return provider;
    }

    public static ChatUser Partner(string id = "U-PAT") => new(id, "Pat Partner", AuthorKind.Partner, HomeTeamId: "T-ACME");
    public static ChatUser TeamsPartner() => new("29:pat", "Pat Partner", AuthorKind.Partner, AadObjectId: "aad-pat", HomeTeamId: "tenant-acme");
    public static ChatUser SlackInternal(string slackId) => new(slackId, slackId, AuthorKind.Internal);
    public static ChatUser TeamsInternal(string aadId) => new("29:" + aadId, aadId, AuthorKind.Internal, AadObjectId: aadId);

    public static ConversationRef Channel(ChatPlatform platform) => new(platform, platform == ChatPlatform.Slack ? SlackChannel : TeamsChannel);

    public string NextId() => $"m{Interlocked.Increment(ref _ids):D4}";

    /// <summary>A partner-side message in the linked channel, recorded in the interaction log as the inbox would, then handled.</summary>
    public async Task<MessagePosted> PostAsync(string text, ChatPlatform? on = null, ChatUser? author = null)
    {
        var platform = on ?? ChatPlatform.Slack;
        var id = NextId();
        var posted = new MessagePosted($"evt-{id}", Clock.GetUtcNow(), Channel(platform), author ?? (platform == ChatPlatform.Slack ? Partner() : TeamsPartner()), id, text);
        await Primary.GetRequiredService<IInteractionLog>().AppendAsync(new Interaction(platform, posted.Conversation.ChannelId, null, id, "acme",
            posted.Actor!.Id, posted.Actor.DisplayName, posted.Actor.Kind, text, posted.Timestamp, "message", InteractionDirection.Inbound));
        await Handler.HandleAsync(posted, CancellationToken.None);
        return posted;
    }

    public Task ReactAsync(string messageId, ChatUser actor, ChatPlatform? on = null, string reaction = ChurnSignalHandler.FlagReaction) =>
        Handler.HandleAsync(new ReactionChanged($"evt-r{NextId()}", Clock.GetUtcNow(), Channel(on ?? ChatPlatform.Slack), actor, messageId, reaction, true), CancellationToken.None);

    public Task<CardActionResult> ActAsync(string verb, string riskId, ChatUser actor, ChatPlatform? on = null, JsonObject? inputs = null)
    {
        var platform = on ?? ChatPlatform.Slack;
        var data = inputs ?? [];
        data[ChurnRiskActionHandler.RiskIdField] = riskId;
        return Actions.HandleAsync(new CardActionInvoked($"evt-a{NextId()}", Clock.GetUtcNow(), new ConversationRef(platform, "D-DM"), actor, verb, data, null), CancellationToken.None);
    }

    public async Task<Risk> SingleRiskAsync() =>
        await Store.GetAsync(Outbox.DirectMessages.Select(d => d.Key.Split('|')[1]).Distinct().Single()) ?? throw new InvalidOperationException("risk vanished");

    /// <summary>Direct messages by recipient platform user id, in order.</summary>
    public IReadOnlyList<string> DmRecipients(ChatPlatform? platform = null) =>
        Outbox.DirectMessages.Where(d => platform is null || d.Target.Platform == platform).Select(d => d.Target.UserId!).ToList();

    public async Task<List<RiskAuditEntry>> AuditAsync(string riskId)
    {
        var entries = new List<RiskAuditEntry>();
        await foreach (var e in Store.ReadAuditAsync(riskId)) entries.Add(e);
        return entries;
    }

    public void Dispose()
    {
        foreach (var i in _instances) i.Dispose();
        _temp.Dispose();
    }
}
