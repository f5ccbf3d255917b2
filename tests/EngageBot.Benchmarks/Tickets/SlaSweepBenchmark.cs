using System.Diagnostics;
using EngageBot.Channels;
using EngageBot.Features.Tickets;
using EngageBot.Features.Tickets.Lifecycle;
using EngageBot.Features.Tickets.Policy;
using EngageBot.Features.Tickets.Sla;
using EngageBot.Features.Tickets.Storage;
using EngageBot.Scheduling;
using EngageBot.Storage;
using EngageBot.Storage.Sqlite;
using EngageBot.TestSupport;

namespace EngageBot.Benchmarks.Tickets;

/// <summary>
/// The SLA sweep's cost with 100,000 open tickets of which 1,000 are due, beside 1,000 open tickets all due, on
/// SQLite. Both sweeps send the same 1,000 nudges; a ratio near 1 shows the sweep reads due entries, not open tickets.
/// </summary>
public sealed class SlaSweepBenchmark : IBenchmark
{
    private static readonly DateTimeOffset Now = new(2026, 11, 4, 12, 0, 0, TimeSpan.Zero); // Wed 13:00 Berlin

    public string Description => "SLA sweep: 100,000 open tickets (1,000 due) vs 1,000 open tickets (all due); --open N --due N";

    public async Task<int> RunAsync(string[] args)
    {
        var open = BenchmarkArgs.PositiveInt(args, "--open", 100_000);
        var due = BenchmarkArgs.PositiveInt(args, "--due", 1_000);
        using var dir = new TempDirectory();
        // Both stores are built first and swept back to back, so both sweeps see the same machine (this one is shared).
        await using var largeRun = await PrepareAsync(dir.File("large.db"), open, due);
        await using var smallRun = await PrepareAsync(dir.File("small.db"), due, due);
        var small = await smallRun.MeasureAsync();
        var large = await largeRun.MeasureAsync();
        Console.WriteLine($"sla-sweep on SQLite ({Environment.ProcessorCount} cores)");
        Console.WriteLine(large.Describe($"{open:N0} open, {due:N0} due"));
        Console.WriteLine(small.Describe($"{due:N0} open, {due:N0} due"));
        Console.WriteLine($"ratio (large / small sweep time): {large.Sweep.TotalMilliseconds / small.Sweep.TotalMilliseconds:0.00}  " +
                          $"(open tickets grew {open / (double)due:0}x; ≈1 means the sweep does not scan open tickets)");
        Console.WriteLine($"idle sweep (nothing due): {large.Idle.TotalMilliseconds:0.0} ms with {open:N0} open, {small.Idle.TotalMilliseconds:0.0} ms with {due:N0} open");
        return large.Nudged == due && small.Nudged == due ? 0 : 1;
    }

    private static async Task<Run> PrepareAsync(string path, int openCount, int dueCount)
    {
        var clock = new ManualTimeProvider(Now - TimeSpan.FromMinutes(10));
        var store = new SqliteRecordStore(path);
        var services = new ServiceCollection()
            .AddLogging()
            .AddSingleton<TimeProvider>(clock)
            .AddSingleton<IRecordStore>(store)
            .AddSingleton<ITicketPolicySource>(new BenchmarkTicketPolicies())
            .AddSingleton<IOutbox>(new CountingOutbox());
        services.AddOptions<TicketsOptions>();
        services.AddTicketServices();
        var provider = services.BuildServiceProvider();
        var setup = Stopwatch.StartNew();
        await SeedAsync(store, openCount, dueCount);
        setup.Stop();
        var sweeper = provider.GetRequiredService<TicketSlaSweeper>();
        await sweeper.SweepAsync(default); // sets the sweep cursor and warms the connection pool: nothing is due yet
        return new Run(provider, clock, sweeper, setup.Elapsed);
    }

    private sealed record Run(ServiceProvider Provider, ManualTimeProvider Clock, TicketSlaSweeper Sweeper, TimeSpan Setup) : IAsyncDisposable
    {
        public async Task<Result> MeasureAsync()
        {
            Clock.SetUtcNow(Now);
            var sweep = Stopwatch.StartNew();
            var report = await Sweeper.SweepAsync(default);
            sweep.Stop();
            Clock.Advance(TimeSpan.FromSeconds(30));
            var idle = Stopwatch.StartNew();
            await Sweeper.SweepAsync(default);
            idle.Stop();
            return new Result(Setup, sweep.Elapsed, idle.Elapsed, report.Nudged, report.Read);
        }

        public ValueTask DisposeAsync() => Provider.DisposeAsync();
    }

    // Tickets answered once and now on their resolution clock. The first dueCount have their resolution warning
    // in the last ten minutes; the rest are due hours to days ahead. The records are exactly what TicketStore and
    // DueIndex write, bulk-loaded one table per SQLite transaction so setting up 100,000 tickets takes seconds.
    private static async Task SeedAsync(SqliteRecordStore store, int openCount, int dueCount)
    {
        var rows = new List<StorageRecord>(openCount);
        var listing = new List<StorageRecord>(openCount);
        var entries = new List<StorageRecord>(openCount * 4);
        var indexedAt = Now - TimeSpan.FromMinutes(10);
        var random = new Random(7);
        for (var i = 0; i < openCount; i++)
        {
            var ticket = NewTicket($"TKT-B{i:D7}", $"partner-{i % 100:D3}");
            var warnAt = i < dueCount
                ? Now - TimeSpan.FromSeconds(1 + random.Next(0, 590))
                : Now + TimeSpan.FromMinutes(5 + random.Next(0, 60 * 24 * 14));
            ticket.Resolution.WarnAt = warnAt;
            ticket.Resolution.DueAt = warnAt + TimeSpan.FromHours(4);
            rows.Add(TicketRecordMapper.ToRecord(ticket));
            listing.Add(new StorageRecord(ticket.PartnerId, ticket.Id, new Dictionary<string, object?> { ["Status"] = ticket.Status.ToString() }));
            entries.AddRange(TicketThresholds.Pending(ticket).Select(t =>
                DueIndex.ToRecord(TicketDueEntries.For(ticket.Id, t, t.DueAt < indexedAt ? indexedAt : t.DueAt))));
        }
        await SqliteBulkLoader.LoadAsync(store, "Tickets", rows);
        await SqliteBulkLoader.LoadAsync(store, "TicketsOpen", listing);
        await SqliteBulkLoader.LoadAsync(store, TicketDueEntries.Table, entries);
    }

    private static Ticket NewTicket(string id, string partnerId)
    {
        var sla = SlaContext.From(BenchmarkTicketPolicies.Policy);
        var opened = Now - TimeSpan.FromDays(1);
        var ticket = Ticket.Open(id, partnerId, new ConversationRef(ChatPlatform.Slack, "C-BENCH"), $"{id}-root",
            new TicketParty("U-PARTNER", "Partner"), "How do we rotate the API key?", "message", opened, sla);
        ticket.OnInternalReply(new TicketParty("U-AGENT", "Agent"), $"{id}-reply", opened + TimeSpan.FromMinutes(30));
        ticket.PendingAudit.Clear();
        ticket.PendingMessages.Clear();
        return ticket;
    }

    private sealed record Result(TimeSpan Setup, TimeSpan Sweep, TimeSpan Idle, int Nudged, int Read)
    {
        public string Describe(string name) =>
            $"{name,-28} setup {Setup.TotalSeconds,6:0.0} s   sweep {Sweep.TotalMilliseconds,8:0.0} ms   entries read {Read,6}   nudges {Nudged,6}   per due ticket {Sweep.TotalMilliseconds / Math.Max(1, Nudged):0.00} ms";
    }
}
