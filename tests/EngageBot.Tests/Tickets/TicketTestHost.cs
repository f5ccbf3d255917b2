using EngageBot.Channels;
using EngageBot.Features.Tickets;
using EngageBot.Features.Tickets.Cards;
using EngageBot.Features.Tickets.Handling;
using EngageBot.Features.Tickets.Policy;
using EngageBot.Features.Tickets.Sla;
using EngageBot.Features.Tickets.Storage;
using EngageBot.Scheduling;
using EngageBot.Scheduling.Calendars;
using EngageBot.Storage;
using EngageBot.Storage.Sqlite;
using EngageBot.Tests.Storage;
using EngageBot.TestSupport;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace EngageBot.Tests.Tickets;

/// <summary>
/// The ticket feature composed over a SQLite file, a recording outbox, a fake directory and a manual clock.
/// Two hosts on the same file behave like two instances (or one instance before and after a restart).
/// </summary>
public sealed class TicketTestHost : IDisposable
{
    public const string SlackChannel = "C-ACME";
    public const string TeamsChannel = "19:acme@thread.tacv2";
    public const string SlackTriage = "C-TRIAGE";
    public const string TeamsTriage = "19:triage@thread.tacv2";

    private readonly ServiceProvider _services;
    private int _events;

    /// <param name="crashes">Makes the store's and the outbox's writes steps of a fault-injection schedule.</param>
    public TicketTestHost(string databasePath, ManualTimeProvider clock, FakeTicketPolicySource? policies = null, RecordingOutbox? outbox = null,
        CrashSchedule? crashes = null)
    {
        Clock = clock;
        Policies = policies ?? DefaultPolicies();
        Outbox = outbox ?? new RecordingOutbox();
        var services = new ServiceCollection();
        services.AddLogging(l => l.SetMinimumLevel(LogLevel.Warning));
        services.AddOptions<TicketsOptions>();
        services.AddSingleton<TimeProvider>(clock);
        IRecordStore store = new SqliteRecordStore(databasePath);
        services.AddSingleton(crashes is null ? store : new CrashingRecordStore(store, crashes));
        services.AddSingleton<ITicketPolicySource>(Policies);
        services.AddSingleton<IOutbox>(crashes is null ? Outbox : new CrashingOutbox(Outbox, crashes));
        // The built-in adapters describe their platforms (thread links, help prefixes, modal errors) as in the service.
        services.AddChatPlatform<EngageBot.Channels.Slack.SlackPlatform>().AddChatPlatform<EngageBot.Channels.Teams.TeamsPlatform>();
        services.AddTicketServices();
        _services = services.BuildServiceProvider();
    }

    public ManualTimeProvider Clock { get; }
    public FakeTicketPolicySource Policies { get; }
    public RecordingOutbox Outbox { get; }

    public T Get<T>() where T : notnull => _services.GetRequiredService<T>();

    /// <summary>The nudge claims (a shared <see cref="ClaimLedger"/> keyed by its table).</summary>
    public ClaimLedger Ledger => _services.GetRequiredKeyedService<ClaimLedger>(TicketDueEntries.NudgeLedger);
    public TicketEventHandler Handler => Get<TicketEventHandler>();
    public TicketStore Store => Get<TicketStore>();
    public TicketSlaSweeper Sweeper => Get<TicketSlaSweeper>();
    public TicketCardActionHandler Cards => Get<TicketCardActionHandler>();

    // Acme (gold): Berlin 09:00–17:00 weekdays; first response 2h, next response 4h, resolution 16h; urgent 30m/1h/4h.
    public static PartnerTicketPolicy Acme(TicketMode mode = TicketMode.QuestionsOnly) => new(
        "acme", "Acme Corp", "gold", mode,
        BusinessCalendarSpec.Weekdays("Europe/Berlin", new TimeOnly(9, 0), new TimeOnly(17, 0)),
        new SlaPolicy(
            new SlaTargets(TimeSpan.FromHours(2), TimeSpan.FromHours(4), TimeSpan.FromHours(16)),
            new SlaTargets(TimeSpan.FromMinutes(30), TimeSpan.FromHours(1), TimeSpan.FromHours(4)),
            0.75),
        ReopenWindow: TimeSpan.FromDays(3),
        BreachEscalationDelay: TimeSpan.FromHours(1),
        new EscalationChain("owner", "backup", "sponsor"),
        new Dictionary<ChatPlatform, string> { [ChatPlatform.Slack] = SlackTriage, [ChatPlatform.Teams] = TeamsTriage });

    public static PartnerTicketPolicy Globex() => Acme() with
    {
        PartnerId = "globex",
        PartnerName = "Globex",
        TriageChannels = new Dictionary<ChatPlatform, string> { [ChatPlatform.Slack] = "C-GLOBEX-TRIAGE" },
    };

    public static FakeTicketPolicySource DefaultPolicies()
    {
        var p = new FakeTicketPolicySource();
        p.AddPartner(Acme(), ChatPlatform.Slack, SlackChannel);
        p.Channels[(ChatPlatform.Teams, TeamsChannel)] = "acme";
        p.AddPartner(Globex(), ChatPlatform.Slack, "C-GLOBEX");
        p.AddPerson(new TicketPerson("owner", "Olivia Owner", [new(ChatPlatform.Slack, "U-OWNER"), new(ChatPlatform.Teams, "aad-owner")]));
        p.AddPerson(new TicketPerson("backup", "Bob Backup", [new(ChatPlatform.Slack, "U-BACKUP"), new(ChatPlatform.Teams, "aad-backup")]));
        p.AddPerson(new TicketPerson("sponsor", "Sam Sponsor", [new(ChatPlatform.Slack, "U-SPONSOR"), new(ChatPlatform.Teams, "aad-sponsor")]));
        p.AddPerson(new TicketPerson("alice", "Alice Agent", [new(ChatPlatform.Slack, "U-ALICE"), new(ChatPlatform.Teams, "aad-alice")]));
        return p;
    }

    public static ChatUser Partner(string id = "U-PARTNER", string name = "Pat Partner") => new(id, name, AuthorKind.Partner, HomeTeamId: "T-ACME");
    public static ChatUser Internal(string id = "U-ALICE", string name = "Alice Agent") => new(id, name, AuthorKind.Internal);
    public static ChatUser Bot() => new("B-ENGAGEBOT", "EngageBot", AuthorKind.Bot);

    public ConversationRef Channel(ChatPlatform? on = null) =>
        on is { } platform && platform != ChatPlatform.Slack ? new(platform, TeamsChannel) : new(ChatPlatform.Slack, SlackChannel);

    public string NextMessageId() => $"m{Interlocked.Increment(ref _events):D4}";

    public async Task<string> PostAsync(ChatUser author, string text, string? threadRoot = null, ChatPlatform? on = null, string? channelId = null,
        string? messageId = null)
    {
        var platform = on ?? ChatPlatform.Slack;
        var id = messageId ?? NextMessageId();
        var channel = channelId is null ? Channel(platform) : new ConversationRef(platform, channelId);
        var conversation = threadRoot is null ? channel : channel.Thread(threadRoot);
        await Handler.HandleAsync(new MessagePosted($"evt-{id}", Clock.GetUtcNow(), conversation, author, id, text), CancellationToken.None);
        return id;
    }

    public Task ReactAsync(ChatUser actor, string messageId, string reaction, ChatPlatform? on = null) =>
        Handler.HandleAsync(new ReactionChanged($"evt-r{NextMessageId()}", Clock.GetUtcNow(), Channel(on), actor, messageId, reaction, true), CancellationToken.None);

    public async Task<RecordingOutbox.Sent> CommandAsync(ChatUser actor, string arguments, ConversationRef? where = null)
    {
        var key = $"evt-c{NextMessageId()}";
        await Handler.HandleAsync(new CommandInvoked(key, Clock.GetUtcNow(), where ?? Channel(), actor, "/engagebot", arguments), CancellationToken.None);
        return Outbox.All.Single(s => s.Key == $"ticket-cmd|{key}");
    }

    public async Task<Features.Tickets.Lifecycle.Ticket> TicketForAsync(string messageId, ChatPlatform? on = null) =>
        await Get<TicketService>().FindByMessageAsync(Channel(on), messageId, CancellationToken.None)
        ?? throw new InvalidOperationException($"No ticket for message {messageId}.");

    public void Dispose() => _services.Dispose();
}
