using System.Diagnostics;
using System.Text;
using EngageBot.Cards;
using EngageBot.Channels;
using EngageBot.Features.CheckIns;
using EngageBot.Features.CheckIns.Schedule;
using EngageBot.Features.Directory;
using EngageBot.Features.Directory.Import;
using EngageBot.Features.Directory.Store;
using EngageBot.Storage;
using EngageBot.Storage.Sqlite;
using EngageBot.TestSupport;

namespace EngageBot.Benchmarks.CheckIns;

/// <summary>
/// The check-in sweep's cost with 10,000 partners of which 100 are due, beside 100 partners all due, on SQLite. Both
/// sweeps post the same 100 check-ins; a ratio near 1 shows the sweep reads due entries, not the partner list.
/// </summary>
public sealed class CheckInSweepBenchmark : IBenchmark
{
    // Tuesday 8 December 2026, 10:00 in Berlin: the due partners' weekly slot.
    private static readonly DateTimeOffset Now = new(2026, 12, 8, 9, 0, 0, TimeSpan.Zero);

    public string Description => "Check-in sweep: 10,000 partners (100 due) vs 100 partners (all due); --partners N --due N";

    public async Task<int> RunAsync(string[] args)
    {
        var partners = BenchmarkArgs.PositiveInt(args, "--partners", 10_000);
        var due = BenchmarkArgs.PositiveInt(args, "--due", 100);
        using var dir = new TempDirectory();
        await using var largeRun = await PrepareAsync(dir.File("large.db"), partners, due);
        await using var smallRun = await PrepareAsync(dir.File("small.db"), due, due);
        var small = await smallRun.MeasureAsync();
        var large = await largeRun.MeasureAsync();
        Console.WriteLine($"checkin-sweep on SQLite ({Environment.ProcessorCount} cores)");
        Console.WriteLine(large.Describe($"{partners:N0} partners, {due:N0} due"));
        Console.WriteLine(small.Describe($"{due:N0} partners, {due:N0} due"));
        Console.WriteLine($"ratio (large / small sweep time): {large.Sweep.TotalMilliseconds / small.Sweep.TotalMilliseconds:0.00}  " +
                          $"(partners grew {partners / (double)due:0}x; target ≤ 1.5)");
        return large.Posted == due && small.Posted == due ? 0 : 1;
    }

    private static async Task<Run> PrepareAsync(string path, int partnerCount, int dueCount)
    {
        var clock = new ManualTimeProvider(Now - TimeSpan.FromDays(1));
        var services = new ServiceCollection()
            .AddLogging()
            .AddSingleton<TimeProvider>(clock)
            .AddSingleton<IRecordStore>(new SqliteRecordStore(path))
            .AddSingleton<IOutbox>(new Tickets.CountingOutbox())
            .AddSingleton(new CardLibrary(RepoPaths.Cards))
            .AddSingleton(Microsoft.Extensions.Options.Options.Create(new DirectoryOptions { RefreshInterval = TimeSpan.FromHours(1) }))
            .AddSingleton<DirectoryStore>()
            .AddSingleton<DirectoryReader>()
            .AddSingleton<DirectoryImporter>()
            .AddSingleton<IDirectoryLookup>(sp => sp.GetRequiredService<DirectoryReader>())
            .AddSingleton<IPartnerDirectory>(sp => sp.GetRequiredService<DirectoryReader>());
        services.AddOptions<CheckInsOptions>();
        services.AddCheckInServices();
        var provider = services.BuildServiceProvider();
        var setup = Stopwatch.StartNew();
        var imported = await provider.GetRequiredService<DirectoryImporter>().ImportAsync(Directory(partnerCount, dueCount));
        if (!imported.Succeeded) throw new InvalidOperationException(string.Join("\n", imported.Errors.Select(e => e.Format("benchmark.yaml"))));
        var sweeper = provider.GetRequiredService<CheckInSweeper>();
        await sweeper.SweepAsync(default); // follows the import (schedules every partner); nothing is due yet
        setup.Stop();
        return new Run(provider, clock, sweeper, setup.Elapsed);
    }

    // The due partners meet weekly on Tuesday 10:00 Berlin; the rest quarterly, on a day weeks away.
    private static string Directory(int partners, int due)
    {
        var yaml = new StringBuilder(
            """
            policies:
              - tier: gold
                normal: { first_response: 4h, next_response: 8h, resolution: 40h }
                urgent: { first_response: 1h, next_response: 2h, resolution: 8h }
            people:
              - { id: olivia, name: Olivia Owner, slack_user_id: U-OLIVIA, roles: [manager] }
            partners:

            """);
        for (var i = 0; i < partners; i++)
        {
            var checkIn = i < due ? "{ cadence: weekly, day: tuesday, time: \"10:00\" }" : "{ cadence: quarterly, day: 15, time: \"11:00\" }";
            yaml.Append(System.Globalization.CultureInfo.InvariantCulture,
                $"  - {{ id: p{i:D5}, name: Partner {i}, tier: gold, timezone: Europe/Berlin, onboarded: 2025-01-01, owner: olivia, check_in: {checkIn}, slack: {{ channels: [C{i:D6}] }} }}\n");
        }
        return yaml.ToString();
    }

    private sealed record Run(ServiceProvider Provider, ManualTimeProvider Clock, CheckInSweeper Sweeper, TimeSpan Setup) : IAsyncDisposable
    {
        public async Task<Result> MeasureAsync()
        {
            Clock.SetUtcNow(Now);
            var sweep = Stopwatch.StartNew();
            var report = await Sweeper.SweepAsync(default);
            sweep.Stop();
            return new Result(Setup, sweep.Elapsed, report.Posted, report.Read);
        }

        public ValueTask DisposeAsync() => Provider.DisposeAsync();
    }

    private sealed record Result(TimeSpan Setup, TimeSpan Sweep, int Posted, int Read)
    {
        public string Describe(string name) =>
            $"  {name,-28} setup {Setup.TotalSeconds,6:0.0} s   sweep {Sweep.TotalMilliseconds,8:0.0} ms   ({Read} due entries read, {Posted} posted)";
    }
}
