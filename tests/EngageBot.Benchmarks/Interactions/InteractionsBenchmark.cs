using System.Diagnostics;
using System.Globalization;
using Azure.Core;
using EngageBot.Features.Interactions;
using EngageBot.Storage;
using EngageBot.Storage.AzureTables;
using EngageBot.Storage.Sqlite;
using Azure.Data.Tables;
using EngageBot.TestSupport;

namespace EngageBot.Benchmarks.Interactions;

/// <summary>
/// Appends N interactions (batched by partition) then reads one partner's last 30 days, on SQLite and on
/// Azure Table Storage (a local Azurite). Baselines from the same run: one-at-a-time appends on a sample,
/// and the same 30-day read done as an all-partners scan filtered in memory.
/// </summary>
internal sealed class InteractionsBenchmark : IBenchmark
{
    private const int Partners = 50;

    public string Description => "interaction log: batched appends vs one-at-a-time, one partner's 30 days vs a scan (SQLite and Azurite). [--count N] [--sample N] [--chunk N] [--only sqlite|azure]";

    public async Task<int> RunAsync(string[] args)
    {
        var count = BenchmarkArgs.PositiveInt(args, "--count", 100_000);
        var sample = Math.Min(BenchmarkArgs.PositiveInt(args, "--sample", 2_000), count);
        var chunk = BenchmarkArgs.PositiveInt(args, "--chunk", 5_000);
        var only = args.SkipWhile(a => a != "--only").Skip(1).FirstOrDefault();
        var now = TimeProvider.System.GetUtcNow();
        var data = InteractionFaker.Generate(count, Partners, now);
        var partner = data.GroupBy(i => i.PartnerId).Where(g => g.Key is not null).MaxBy(g => g.Count())!.Key!;
        Console.WriteLine($"interactions: {count:N0} interactions over {Partners} partners (+ unassigned), 60 days, appended in chunks of {chunk:N0}; baseline: one-at-a-time on {sample:N0}.");

        var results = new List<Result>();
        using var temp = new TempDirectory();
        if (only is null or "sqlite")
        {
            results.Add(await MeasureAsync("SQLite (file)", data, sample, chunk, partner, now, name =>
            {
                var counting = new CountingRecordStore(new SqliteRecordStore(temp.File(name + ".db")));
                return (counting, () => counting.Transactions, () => counting.Statements);
            }));
        }
        if (only is null or "azure")
        {
            await using var azurite = await AzuriteServer.StartAsync();
            results.Add(await MeasureAsync("Azure Tables (Azurite)", data, sample, chunk, partner, now, name =>
            {
                var requests = new RequestCountingPolicy();
                var options = new TableClientOptions();
                options.AddPolicy(requests, HttpPipelinePosition.PerRetry);
                // Counted on the SDK's own pipeline, per retry: every request the service would bill. CreateIfNotExists is one extra request per store.
                return (new AzureTablesRecordStore(new TableServiceClient(azurite.ConnectionString, options), name), () => requests.Count, () => requests.Count);
            }));
        }
        Console.WriteLine();
        Console.WriteLine("Side by side:");
        Print(results, count, sample);
        PrintEarlier(count, sample, chunk);
        return 0;
    }

    private static async Task<Result> MeasureAsync(string label, List<Interaction> data, int sample, int chunk, string partner, DateTimeOffset now,
        Func<string, (IRecordStore Store, Func<long> Transactions, Func<long> Statements)> create)
    {
        Console.WriteLine($"  {label}: batched appends…");
        var (store, transactions, statements) = create("bench");
        var log = new InteractionStore(store);
        var watch = Stopwatch.StartNew();
        for (var i = 0; i < data.Count; i += chunk)
            await log.AppendManyAsync(data.GetRange(i, Math.Min(chunk, data.Count - i)));
        var batchedTime = watch.Elapsed;
        var batchedTx = transactions();
        var batchedStatements = statements();

        Console.WriteLine($"  {label}: one-at-a-time appends…");
        var (single, singleTx, _) = create("single");
        var singleLog = new InteractionStore(single);
        var stride = Math.Max(1, data.Count / sample);
        watch.Restart();
        for (var i = 0; i < sample; i++)
            await singleLog.AppendAsync(data[i * stride % data.Count]);
        var singleTime = watch.Elapsed;

        Console.WriteLine($"  {label}: queries…");
        var since = now - TimeSpan.FromDays(30);
        var before = transactions();
        watch.Restart();
        var rows = 0;
        await foreach (var _ in log.QueryAsync(partner, since)) rows++;
        var queryTime = watch.Elapsed;
        var queryTx = transactions() - before;
        watch.Restart();
        var scanRows = 0;
        await foreach (var i in log.QueryAsync(null, since)) if (i.PartnerId == partner) scanRows++;
        var scanTime = watch.Elapsed;
        if (scanRows != rows) throw new InvalidOperationException($"query returned {rows} rows but the scan found {scanRows}.");

        var result = new Result(label, data.Count / batchedTime.TotalSeconds, (double)batchedTx / data.Count, (double)batchedStatements / data.Count,
            sample / singleTime.TotalSeconds, (double)singleTx() / sample, queryTime, rows, queryTx, scanTime);
        // Printed as soon as measured, so a long run still leaves its figures if stopped later.
        Print([result], data.Count, sample);
        Console.WriteLine();
        return result;
    }

    private static void Print(List<Result> results, int count, int sample)
    {
        Console.WriteLine();
        Console.WriteLine($"{"",-44}" + string.Concat(results.Select(r => $"{r.Label,26}")));
        Row("batched append (interactions/s)", results, r => r.BatchedRate.ToString("N0", CultureInfo.InvariantCulture));
        Row($"one-at-a-time baseline, {sample:N0} (interactions/s)", results, r => r.SingleRate.ToString("N0", CultureInfo.InvariantCulture));
        Row("  speed-up (batched / one-at-a-time)", results, r => (r.BatchedRate / r.SingleRate).ToString("0.0", CultureInfo.InvariantCulture) + "x");
        Row("transactions per interaction, batched", results, r => r.BatchedTx.ToString("0.0000", CultureInfo.InvariantCulture));
        Row("statements/requests per interaction, batched", results, r => r.BatchedStatements.ToString("0.0000", CultureInfo.InvariantCulture));
        Row("transactions per interaction, one-at-a-time", results, r => r.SingleTx.ToString("0.0000", CultureInfo.InvariantCulture));
        Row("  saving (one-at-a-time / batched)", results, r => (r.SingleTx / r.BatchedTx).ToString("0.0", CultureInfo.InvariantCulture) + "x");
        Row("one partner, last 30 days: time (ms)", results, r => r.Query.TotalMilliseconds.ToString("N1", CultureInfo.InvariantCulture));
        Row("  rows / storage transactions", results, r => $"{r.Rows:N0} / {r.QueryTx:N0}");
        Row("all-partners scan baseline: time (ms)", results, r => r.Scan.TotalMilliseconds.ToString("N1", CultureInfo.InvariantCulture));
        Row("  speed-up (scan / partition query)", results, r => (r.Scan / r.Query).ToString("0.0", CultureInfo.InvariantCulture) + "x");
        Console.WriteLine($"({count:N0} interactions; each stored as two rows, the event and its idempotency key, in one batch.)");
    }

    /// <summary>
    /// The figures in docs/benchmarks.md from before the switch to Azure.Data.Tables (the hand-written client), taken with the
    /// default settings; printed beside this run's so a change in requests or rates shows.
    /// </summary>
    private static void PrintEarlier(int count, int sample, int chunk)
    {
        Console.WriteLine();
        var same = count == 100_000 && sample == 2_000 && chunk == 5_000;
        Console.WriteLine($"docs/benchmarks.md, before the SDK switch (hand-written Table client; 100,000 / 2,000 / chunks of 5,000{(same ? ", the settings of this run" : "; this run used other settings, compare the per-interaction figures")}):");
        Console.WriteLine($"{"",-44}{"SQLite (file)",26}{"Azure Tables (Azurite)",26}");
        Console.WriteLine($"{"batched append (interactions/s)",-44}{"891",26}{"319",26}");
        Console.WriteLine($"{"one-at-a-time baseline (interactions/s)",-44}{"488",26}{"405",26}");
        Console.WriteLine($"{"transactions per interaction, batched",-44}{"0.0246",26}{"0.0246",26}");
        Console.WriteLine($"{"transactions per interaction, one-at-a-time",-44}{"1.0",26}{"1.0",26}");
        Console.WriteLine($"{"one partner, last 30 days: rows / requests",-44}{"1,034 / 1",26}{"1,034 / 2",26}");
    }

    private static void Row(string name, List<Result> results, Func<Result, string> value) =>
        Console.WriteLine($"{name,-44}" + string.Concat(results.Select(r => $"{value(r),26}")));

    private sealed record Result(string Label, double BatchedRate, double BatchedTx, double BatchedStatements, double SingleRate, double SingleTx,
        TimeSpan Query, int Rows, long QueryTx, TimeSpan Scan);
}
