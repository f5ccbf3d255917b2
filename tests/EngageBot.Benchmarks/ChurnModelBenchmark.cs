using System.Diagnostics;
using EngageBot.Features.ChurnRisk.Detection;
using EngageBot.Features.ChurnRisk.Detection.Embedding;
using EngageBot.Features.ChurnRisk.Evaluation;
using EngageBot.TestSupport;
using Microsoft.Extensions.Options;

namespace EngageBot.Benchmarks;

/// <summary>
/// The embedding detector as the inbox processor runs it (one message at a time, no vector cache): model load time,
/// resident memory before and after the load, messages per second and p50/p99 latency per message, beside the
/// rules alone on the same messages. Messages: the training corpus (1,902 texts, the former evaluation sets among them), cycled to the count asked.
/// </summary>
public sealed class ChurnModelBenchmark : IBenchmark
{
    public string Description => "churn embedding detector: model load time, resident memory, msg/s and p99 per message vs the rules alone [count=1000]";

    public async Task<int> RunAsync(string[] args)
    {
        var count = args.Length > 0 && int.TryParse(args[0], out var n) && n > 0 ? n : 1000;
        var corpus = LabelledChurnMessage.Read(Path.Combine(RepoPaths.Root, "models", "churn", "corpus.jsonl"));
        var customers = LabelledChurnMessage.ReadCustomers(Path.Combine(RepoPaths.Root, "models", "churn", "corpus-customers.txt"));
        var texts = corpus.Select(m => m.Text).ToArray();
        var messages = Enumerable.Range(0, count).Select(i => texts[i % texts.Length]).ToArray();
        var rules = new RulesChurnDetector();
        var detector = new EmbeddingChurnDetector(rules, new MiniLmEmbedder(), Options.Create(new ChurnDetectionOptions()));

        var before = ResidentMegabytes();
        var load = Stopwatch.StartNew();
        detector.Detect(texts[0], customers);
        load.Stop();
        var after = ResidentMegabytes();
        // Warm-up (JIT, ONNX first runs) on a few messages before measuring.
        foreach (var t in texts.Take(20)) detector.Detect(t, customers);

        var model = Measure(messages, t => detector.Detect(t, customers).IsRisk);
        var baseline = Measure(messages, t => rules.Detect(t, customers).IsRisk);

        Console.WriteLine($"messages: {count} ({texts.Length} distinct, {customers.Count} customers), one at a time, {Environment.ProcessorCount} cores");
        Console.WriteLine($"model load (first message): {load.Elapsed.TotalMilliseconds:N0} ms (ONNX session {MiniLmEmbedder.LoadTime?.TotalMilliseconds:N0} ms)");
        Console.WriteLine($"resident memory: {before:N0} MB before load, {after:N0} MB after, {ResidentMegabytes():N0} MB after the run");
        Console.WriteLine($"embedding+rules : {model.PerSecond,10:N1} msg/s  p50 {model.P50:N2} ms  p99 {model.P99:N2} ms  ({model.Risks} risks)");
        Console.WriteLine($"rules alone     : {baseline.PerSecond,10:N1} msg/s  p50 {baseline.P50:N3} ms  p99 {baseline.P99:N3} ms  ({baseline.Risks} risks)");
        Console.WriteLine($"ratio embedding/rules: {model.PerSecond / baseline.PerSecond:0.0000}   target >= 100 msg/s: {(model.PerSecond >= 100 ? "met" : "NOT met")}");
        return await Task.FromResult(0);
    }

    private static (double PerSecond, double P50, double P99, int Risks) Measure(string[] messages, Func<string, bool> classify)
    {
        var latencies = new double[messages.Length];
        var risks = 0;
        var total = Stopwatch.StartNew();
        for (var i = 0; i < messages.Length; i++)
        {
            var start = Stopwatch.GetTimestamp();
            if (classify(messages[i])) risks++;
            latencies[i] = Stopwatch.GetElapsedTime(start).TotalMilliseconds;
        }
        total.Stop();
        Array.Sort(latencies);
        return (messages.Length / total.Elapsed.TotalSeconds, latencies[latencies.Length / 2], latencies[Math.Min(latencies.Length - 1, (int)(latencies.Length * 0.99))], risks);
    }

    private static double ResidentMegabytes()
    {
        using var process = Process.GetCurrentProcess();
        return process.WorkingSet64 / (1024.0 * 1024);
    }
}
