using System.Text.Json.Nodes;
using EngageBot.Cards;
using EngageBot.Channels;
using EngageBot.Channels.Outbox;
using EngageBot.Features.CheckIns;
using EngageBot.Features.CheckIns.Answers;
using EngageBot.Features.CheckIns.Schedule;
using EngageBot.Features.ChurnRisk.Detection;
using EngageBot.Features.ChurnRisk.Escalation;
using EngageBot.Features.Directory;
using EngageBot.Features.Directory.Import;
using EngageBot.Features.Directory.Store;
using EngageBot.Features.Feedback;
using EngageBot.Scheduling;
using EngageBot.Storage;
using EngageBot.Storage.Sqlite;
using EngageBot.TestSupport;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace EngageBot.Tests.CheckIns;

/// <summary>
/// One store (a SQLite file, or whatever <c>storeFactory</c> opens: each call is a separate connection, as a separate
/// process would have), one manual clock, one recording outbox and a directory imported from <see cref="Yaml"/> (or
/// <c>yaml</c>). Each <see cref="Instance"/> is its own service provider: two of them behave like two instances of the
/// service. Other scheduled features (daily nudges) add their services with <c>configure</c>.
/// </summary>
public sealed class CheckInWorld : IDisposable
{
    public const string SlackChannel = "C-ACME";
    public const string TeamsChannel = "19:acme@thread.tacv2";

    // Acme: Berlin, weekly on Tuesday 10:00 local (09:00 UTC in winter), Christmas off; olivia owns it.
    public static string Yaml(string checkIn = "{ cadence: weekly, day: tuesday, time: \"10:00\" }") =>
        $$"""
        calendars:
          - { id: berlin, timezone: Europe/Berlin, hours: "09:00-17:00", holidays: [2026-12-15, 2026-12-25] }
        policies:
          - tier: gold
            normal: { first_response: 4h, next_response: 8h, resolution: 40h }
            urgent: { first_response: 1h, next_response: 2h, resolution: 8h }
        people:
          - { id: olivia, name: Olivia Owner, slack_user_id: U-OLIVIA, teams_aad_object_id: 0a000000-0000-4000-8000-000000000001, roles: [manager] }
        partners:
          - id: acme
            name: Acme Resellers
            tier: gold
            timezone: Europe/Berlin
            calendar: berlin
            onboarded: 2025-01-01
            owner: olivia
            check_in: {{checkIn}}
            slack: { team_ids: [T-ACME], channels: [C-ACME] }
            teams: { tenant_ids: [tenant-acme], channels: ["19:acme@thread.tacv2"] }
          - { id: beta, name: Beta Partners, tier: gold, timezone: Europe/Berlin, onboarded: 2025-01-01, owner: olivia, check_in: none, slack: { team_ids: [T-BETA], channels: [C-BETA] } }
        """;

    private readonly TempDirectory _temp = new();
    private readonly Func<IRecordStore> _storeFactory;
    private readonly List<ServiceProvider> _instances = [];
    private readonly Action<IServiceCollection>? _configure;

    public CheckInWorld(CheckInsOptions? options = null, Func<IRecordStore>? storeFactory = null, DateTimeOffset? start = null,
        string? yaml = null, Action<IServiceCollection>? configure = null)
    {
        Clock = new ManualTimeProvider(start ?? new DateTimeOffset(2026, 12, 7, 9, 0, 0, TimeSpan.Zero)); // Monday
        Options = options ?? new CheckInsOptions();
        _storeFactory = storeFactory ?? (() => new SqliteRecordStore(_temp.File("engagebot.db")));
        _configure = configure;
        Primary = Instance();
        ImportAsync(yaml ?? Yaml()).GetAwaiter().GetResult();
    }

    public ManualTimeProvider Clock { get; }
    public RecordingOutbox Outbox { get; } = new();
    public CheckInsOptions Options { get; }
    public ServiceProvider Primary { get; }

    public CheckInSweeper Sweeper => Primary.GetRequiredService<CheckInSweeper>();
    public CheckInStore CheckIns => Primary.GetRequiredService<CheckInStore>();
    public FeedbackStore Feedback => Primary.GetRequiredService<FeedbackStore>();
    public ClaimLedger Claims => Primary.GetRequiredKeyedService<ClaimLedger>(CheckInDueEntries.Claims);

    /// <summary>A new instance over the same store, clock and outbox (its own caches and connections).</summary>
    public ServiceProvider Instance()
    {
        var services = new ServiceCollection();
        services.AddLogging(l => l.SetMinimumLevel(LogLevel.Warning));
        services.AddSingleton<TimeProvider>(Clock);
        services.AddSingleton(_storeFactory());
        services.AddSingleton(Microsoft.Extensions.Options.Options.Create(new DirectoryOptions { RefreshInterval = TimeSpan.FromSeconds(5) }));
        services.AddSingleton<DirectoryStore>();
        services.AddSingleton<DirectoryReader>();
        services.AddSingleton<DirectoryImporter>();
        services.AddSingleton<IDirectoryLookup>(sp => sp.GetRequiredService<DirectoryReader>());
        services.AddSingleton<IPartnerDirectory>(sp => sp.GetRequiredService<DirectoryReader>());
        services.AddSingleton<IChurnDetector, RulesChurnDetector>();
        services.AddSingleton<IOutbox>(Outbox);
        services.AddSingleton<IOutboxStatus>(Outbox);
        services.AddSingleton(Microsoft.Extensions.Options.Options.Create(new ChurnEscalationOptions()));
        services.AddSingleton(Microsoft.Extensions.Options.Options.Create(Options));
        services.AddSingleton(new CardLibrary(RepoPaths.Cards));
        // The built-in adapters describe their platforms (thread links, help prefixes, modal errors) as in the service.
        services.AddChatPlatform<EngageBot.Channels.Slack.SlackPlatform>().AddChatPlatform<EngageBot.Channels.Teams.TeamsPlatform>();
        services.AddChurnEscalationServices();
        services.AddFeedbackServices();
        services.AddCheckInServices();
        _configure?.Invoke(services);
        var provider = services.BuildServiceProvider();
        _instances.Add(provider);
        return provider;
    }

    public async Task ImportAsync(string yaml)
    {
        var result = await Primary.GetRequiredService<DirectoryImporter>().ImportAsync(yaml);
        Assert.True(result.Succeeded, string.Join("\n", result.Errors.Select(e => e.Format("test.yaml"))));
    }

    /// <summary>Sets the clock to Berlin local time <paramref name="local"/> (CET in December) and sweeps once.</summary>
    public async Task<CheckInSweepReport> SweepAtAsync(DateTime local)
    {
        Clock.SetUtcNow(new DateTimeOffset(local, TimeSpan.FromHours(1)));
        return await Sweeper.SweepAsync(CancellationToken.None);
    }

    /// <summary>The check-in cards enqueued to channels (distinct outbox keys), in order.</summary>
    public IReadOnlyList<RecordingOutbox.Sent> Cards => Outbox.All.Where(s => s.Key.StartsWith("checkin|", StringComparison.Ordinal)).ToList();

    public IReadOnlyList<RecordingOutbox.Sent> Reminders => Outbox.All.Where(s => s.Key.StartsWith("checkin-reminder|", StringComparison.Ordinal)).ToList();

    public static ChatUser SlackPartner(string id = "U-PAT", string name = "Pat Partner") => new(id, name, AuthorKind.Partner, HomeTeamId: "T-ACME");

    public static ChatUser TeamsPartner() => new("29:pat", "Pat Teams", AuthorKind.Partner, AadObjectId: "aad-pat", HomeTeamId: "tenant-acme");

    public static ChatUser SlackInternal() => new("U-OLIVIA", "Olivia Owner", AuthorKind.Internal);

    /// <summary>Submits the check-in card as <paramref name="user"/> would from the channel's card (Teams) or modal (Slack).</summary>
    public Task<CardActionResult> AnswerAsync(string checkInId, ChatUser user, ChatPlatform platform, string rating = "4", string? comment = null)
    {
        var data = new JsonObject
        {
            [CheckInAnswerHandler.CheckInIdField] = checkInId,
            [CheckInAnswerHandler.PartnerIdField] = "acme",
            [CardInputs.Rating] = rating,
            [CardInputs.Blocking] = "Waiting on sandbox access",
        };
        if (comment is not null) data[CardInputs.Comment] = comment;
        var channel = platform == ChatPlatform.Slack ? SlackChannel : TeamsChannel;
        var source = platform == ChatPlatform.Teams ? new MessageRef(new ConversationRef(platform, channel), "card-1") : null;
        return Primary.GetRequiredService<CheckInAnswerHandler>().HandleAsync(
            new CardActionInvoked($"evt-{Guid.NewGuid():N}", Clock.GetUtcNow(), new ConversationRef(platform, platform == ChatPlatform.Slack ? "" : channel), user,
                CardVerbs.CheckInSubmit, data, source), CancellationToken.None);
    }

    public void Dispose()
    {
        foreach (var i in _instances) i.Dispose();
        _temp.Dispose();
    }
}
