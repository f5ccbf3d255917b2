using System.Diagnostics;
using Azure.Core;
using Azure.Data.Tables;
using EngageBot.Benchmarks.Interactions;
using EngageBot.Channels;
using EngageBot.Features.CheckIns;
using EngageBot.Features.ChurnRisk.Detection;
using EngageBot.Features.ChurnRisk.Escalation;
using EngageBot.Features.Digests;
using EngageBot.Features.Digests.Loading;
using EngageBot.Features.Directory;
using EngageBot.Features.Directory.Model;
using EngageBot.Features.Feedback;
using EngageBot.Features.Interactions;
using EngageBot.Features.Tickets.Lifecycle;
using EngageBot.Features.Tickets.Storage;
using EngageBot.Scheduling;
using EngageBot.Storage;
using EngageBot.Storage.AzureTables;
using EngageBot.Storage.Sqlite;
using EngageBot.TestSupport;

namespace EngageBot.Benchmarks.Digests;

/// <summary>
/// Builds one weekly digest over a large portfolio: N partners, M interactions over 60 days, and per partner a ticket, two
/// feedback entries and a check-in a week plus a churn risk. Setup writes through the stores' own APIs; only the digest
/// build (load every partner's facts, compute the figures, eight trend weeks and health scores) is measured: wall time,
/// storage transactions (SQL queries and statements at the port; HTTP requests on the SDK's pipeline for Table Storage),
/// bytes allocated and peak working set.
/// </summary>
internal sealed class DigestBenchmark : IBenchmark
{
    private static readonly IsoWeek Week = new(2026, 47);

    public string Description => "weekly digest over a large portfolio (SQLite and Azurite). [--partners N] [--interactions N] [--azure-partners N] [--azure-interactions N] [--only sqlite|azure]";

    public async Task<int> RunAsync(string[] args)
    {
        var only = args.SkipWhile(a => a != "--only").Skip(1).FirstOrDefault();
        using var temp = new TempDirectory();
        if (only is null or "sqlite")
        {
            var partners = BenchmarkArgs.PositiveInt(args, "--partners", 1_000);
            var interactions = BenchmarkArgs.PositiveInt(args, "--interactions", 1_000_000);
            var counting = new CountingRecordStore(new SqliteRecordStore(temp.File("digest.db")));
            await RunOneAsync("SQLite (file)", counting, partners, interactions, () => counting.Transactions, "queries and statements at the port");
        }
        if (only is null or "azure")
        {
            // Loading a million interactions into Azurite (single-threaded, in memory) takes far longer than the digest; the
            // default is smaller and printed. Pass --azure-interactions 1000000 for the full size.
            var partners = BenchmarkArgs.PositiveInt(args, "--azure-partners", 200);
            var interactions = BenchmarkArgs.PositiveInt(args, "--azure-interactions", 100_000);
            await using var azurite = await AzuriteServer.StartAsync();
            var requests = new RequestCountingPolicy();
            var options = new TableClientOptions();
            options.AddPolicy(requests, HttpPipelinePosition.PerRetry);
            var store = new AzureTablesRecordStore(new TableServiceClient(azurite.ConnectionString, options), "digest");
            await RunOneAsync("Azure Tables (Azurite)", store, partners, interactions, () => requests.Count, "HTTP requests");
        }
        return 0;
    }

    private static async Task RunOneAsync(string label, IRecordStore store, int partnerCount, int interactionCount, Func<long> transactions, string unit)
    {
        var time = TimeProvider.System;
        var period = new DigestPeriod(Week, TimeZoneInfo.Utc);
        var (_, weekEnd) = period.Current;
        var log = new InteractionStore(store);
        var tickets = new TicketStore(store, new DueIndex(store, time, TicketDueEntries.Table), time);
        var risks = new ChurnRiskStore(store, new DueIndex(store, time, RiskDueEntry.Table));
        var feedback = new FeedbackStore(store);
        var checkIns = new CheckInStore(store);
        var partners = Enumerable.Range(0, partnerCount).Select(i => new Partner($"partner-{i:D3}", $"Partner {i:D4}", "gold", "UTC", new DateOnly(2025, 1, 6),
            "owner", null, null, CheckInCadence.Weekly, TicketMode.QuestionsOnly, null, new PlatformLink([$"C{i:D4}"], [], null), PlatformLink.None, [])).ToList();

        Console.WriteLine($"digest, {label}: {partnerCount:N0} partners, {interactionCount:N0} interactions over 60 days; loading…");
        var load = Stopwatch.StartNew();
        const int chunk = 50_000;
        for (var i = 0; i < interactionCount; i += chunk)
            await log.AppendManyAsync(InteractionFaker.Generate(Math.Min(chunk, interactionCount - i), partnerCount, weekEnd, seed: i));
        await Parallel.ForEachAsync(partners, new ParallelOptions { MaxDegreeOfParallelism = 8 }, async (p, ct) => await SeedRecordsAsync(p, period, tickets, risks, feedback, checkIns, ct));
        Console.WriteLine($"  loaded in {load.Elapsed.TotalSeconds:N1} s");

        var snapshot = new DirectorySnapshot(1, DirectoryContent.Empty with { Partners = partners }, []);
        var loader = new DigestFactsLoader(log, tickets, risks, feedback, checkIns);
        GC.Collect();
        var txBefore = transactions();
        var allocatedBefore = GC.GetTotalAllocatedBytes(precise: true);
        var watch = Stopwatch.StartNew();
        var facts = await loader.LoadAsync(snapshot, partners, period, CancellationToken.None);
        var loaded = watch.Elapsed;
        var digest = DigestBuilder.Build(facts, period, "all partners", weekEnd, lowRatingThreshold: 2, quotes: 3);
        var total = watch.Elapsed;
        var allocated = GC.GetTotalAllocatedBytes(precise: true) - allocatedBefore;
        var tx = transactions() - txBefore;
        using var process = Process.GetCurrentProcess();

        var read = facts.Sum(f => f.PartnerMessages.Count);
        Console.WriteLine($"  digest {Week}: {total.TotalSeconds:N2} s (loading {loaded.TotalSeconds:N2} s, figures {(total - loaded).TotalSeconds:N2} s)");
        Console.WriteLine($"  storage transactions: {tx:N0} {unit} ({(double)tx / partnerCount:N1} per partner)");
        Console.WriteLine($"  memory: {allocated / 1024.0 / 1024.0:N0} MB allocated during the build, peak working set {process.PeakWorkingSet64 / 1024.0 / 1024.0:N0} MB");
        Console.WriteLine($"  read back: {read:N0} partner-side interactions kept, {facts.Sum(f => f.Tickets.Count):N0} tickets, {facts.Sum(f => f.Risks.Count):N0} risks, {facts.Sum(f => f.Feedback.Count):N0} feedback, {facts.Sum(f => f.CheckIns.Count):N0} check-ins");
        Console.WriteLine($"  figures: {digest.Current.ActivePartners:N0} of {digest.Current.Partners:N0} active, {digest.Current.TicketsOpened:N0} tickets opened, first response in SLA {EngageBot.Features.Digests.Cards.DigestFormat.Percent(digest.Current.FirstResponseSla.Rate)}, {digest.Attention.Count} needing attention");
        Console.WriteLine($"  target (SQLite, 1,000 partners, 1,000,000 interactions): under 10 s");
    }

    // Per partner and week of the 16 the digest looks back on: a ticket (answered in 1–4 h, resolved the next day), two
    // ratings and a check-in (answered three weeks in four); one risk per partner, every third one still open.
    private static async Task SeedRecordsAsync(Partner p, DigestPeriod period, TicketStore tickets, ChurnRiskStore risks, FeedbackStore feedback, CheckInStore checkIns, CancellationToken ct)
    {
        var n = int.Parse(p.Id["partner-".Length..], System.Globalization.CultureInfo.InvariantCulture);
        for (var w = -15; w <= 0; w++)
        {
            var (start, _) = period.Range(Week.AddWeeks(w));
            var opened = start.AddDays(n % 5).AddHours(9 + n % 6);
            var ticket = new Ticket
            {
                Id = $"T-{p.Id}-{w + 15:D2}", PartnerId = p.Id, Platform = ChatPlatform.Slack, ChannelId = p.Slack.ChannelIds[0], RootMessageId = $"{opened.ToUnixTimeSeconds()}.000100",
                OpenedBy = new TicketParty("U-P", "Pat"), OpenedAt = opened, FirstResponseAt = opened.AddHours(1 + (n + w + 16) % 4), ResolvedAt = opened.AddDays(1),
                Status = TicketStatus.Resolved,
            };
            ticket.FirstResponse.Target = TimeSpan.FromHours(2);
            ticket.Resolution.Target = TimeSpan.FromHours(16);
            await tickets.CreateAsync(ticket, ct);
            if (w < -11) continue; // feedback and check-ins: the last twelve weeks are what a digest reads
            for (var k = 0; k < 2; k++)
            {
                var at = opened.AddHours(30 + k);
                await feedback.SaveAsync(new FeedbackEntry(FeedbackEntry.IdFor(p.Id, FeedbackSource.TicketRating, ticket.Id, k.ToString(System.Globalization.CultureInfo.InvariantCulture)), p.Id,
                    FeedbackSource.TicketRating, ticket.Id, 1 + (n + w + 16 + k) % 5, FeedbackCategory.Support, "The answer came quickly but missed the second part of the question.", null, null, at), ct);
            }
            var posted = start.AddHours(10);
            await checkIns.CreateAsync(new CheckIn($"ci-{p.Id}-{w + 15:D2}", p.Id, posted.ToString("yyyy-MM-dd'T'HH:mm", System.Globalization.CultureInfo.InvariantCulture), posted, posted, [],
                (n + w + 16) % 4 == 0 ? [] : [new CheckInAnswer(ChatPlatform.Slack, "U-P", "Pat", posted.AddHours(2), 4, "fb")]), ct);
        }
        var riskOpened = period.Range(Week.AddWeeks(-(n % 6))).Start.AddHours(11);
        var risk = new ChurnRisk { Id = $"CR-{p.Id}", PartnerId = p.Id, Kind = ChurnKind.Partner, Platform = ChatPlatform.Slack, Severity = (ChurnSeverity)(n % 3), OwnerId = "owner", OpenedAt = riskOpened, LastSignalAt = riskOpened };
        if (n % 3 != 0) risk.Resolve("owner", n % 2 == 0 ? RiskOutcome.Saved : RiskOutcome.Lost, null, riskOpened.AddDays(3));
        await risks.CreateAsync(risk, null, ct);
    }
}
