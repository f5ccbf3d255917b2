using System.Diagnostics;
using System.Text.Json;
using EngageBot.Features.ChurnRisk.Detection;
using EngageBot.TestSupport;

namespace EngageBot.Benchmarks;

/// <summary>
/// Messages per second classified by the churn rules over the dev + holdout sets repeated to ~100k messages, beside a
/// baseline in the same run: lower-case the text and scan a flat keyword list with Contains (no context, no customers).
/// </summary>
public sealed class ClassifyBenchmark : IBenchmark
{
    private static readonly string[] BaselineKeywords =
    [
        "churn", "cancel", "not renew", "won't renew", "non-renewal", "terminate", "termination", "downgrade", "competitor",
        "alternatives", "rfp", "unhappy", "frustrated", "upset", "escalat", "legal", "leave", "leaving", "walk away",
        "reconsider", "commission", "overdue", "channel conflict", "nobody", "ignored", "stop reselling", "partnership",
        "fewer licenses", "cut seats", "disappointed", "complain", "notice",
    ];

    public string Description => "churn rules: messages/s over dev+holdout repeated to ~100k, vs a lowercase+Contains keyword scan";

    public async Task<int> RunAsync(string[] args)
    {
        var target = args.Length > 0 && int.TryParse(args[0], out var n) ? n : 100_000;
        var data = Path.Combine(RepoPaths.Root, "tests", "EngageBot.Tests", "ChurnRisk", "data");
        var texts = new List<string>();
        foreach (var set in new[] { "dev", "holdout" })
            foreach (var line in await File.ReadAllLinesAsync(Path.Combine(data, $"churn-{set}.jsonl")))
                if (line.Trim().Length > 0) texts.Add(JsonDocument.Parse(line).RootElement.GetProperty("text").GetString()!);
        var customers = CustomerName.From((await File.ReadAllLinesAsync(Path.Combine(data, "churn-dev-customers.txt")))
            .Concat(await File.ReadAllLinesAsync(Path.Combine(data, "churn-holdout-customers.txt"))));
        var messages = Enumerable.Range(0, target).Select(i => texts[i % texts.Count]).ToArray();
        var rules = new RulesChurnDetector();

        // Warm up both (JIT, regex construction) on one pass of the distinct texts.
        var warm = texts.Sum(t => (rules.Detect(t, customers).IsRisk ? 1 : 0) + (Baseline(t) ? 1 : 0));

        var baseline = Measure(messages, t => Baseline(t));
        var measured = Measure(messages, t => rules.Detect(t, customers).IsRisk);

        Console.WriteLine($"messages: {messages.Length} ({texts.Count} distinct, {customers.Count} customers), warm-up risks {warm}");
        Console.WriteLine($"baseline  lowercase+Contains scan : {baseline.PerSecond,12:N0} msg/s  ({baseline.Elapsed.TotalMilliseconds:N0} ms, {baseline.Risks} flagged)");
        Console.WriteLine($"rules     RulesChurnDetector      : {measured.PerSecond,12:N0} msg/s  ({measured.Elapsed.TotalMilliseconds:N0} ms, {measured.Risks} flagged)");
        Console.WriteLine($"ratio rules/baseline: {measured.PerSecond / baseline.PerSecond:0.000}  (baseline is {baseline.PerSecond / measured.PerSecond:0.0}x faster)");
        return 0;
    }

    private static (double PerSecond, TimeSpan Elapsed, int Risks) Measure(string[] messages, Func<string, bool> classify)
    {
        var risks = 0;
        var stopwatch = Stopwatch.StartNew();
        foreach (var m in messages)
            if (classify(m)) risks++;
        stopwatch.Stop();
        return (messages.Length / stopwatch.Elapsed.TotalSeconds, stopwatch.Elapsed, risks);
    }

    private static bool Baseline(string text)
    {
        var lower = text.ToLowerInvariant();
        foreach (var keyword in BaselineKeywords)
            if (lower.Contains(keyword, StringComparison.Ordinal)) return true;
        return false;
    }
}
