using System.Diagnostics;
using System.Globalization;
using EngageBot.Channels;
using EngageBot.Storage;
using EngageBot.TestSupport;

namespace EngageBot.Benchmarks.OutboxPacing;

/// <summary>
/// N outbound messages over C channels through the real Outbox + OutboxSender (registered by AddChannels on SQLite)
/// against a channel enforcing Slack's per-channel limit. Prints elapsed vs the theoretical minimum, and
/// delivered / lost / duplicated. A first run without any limit shows what the sender itself costs.
/// Options: see <see cref="PacingScenario"/>.
/// </summary>
internal sealed class OutboxPacingBenchmark : IBenchmark
{
    public string Description => "1,000 messages over 100 Slack channels through the outbox at 1 msg/s/channel (burst 3)";

    public async Task<int> RunAsync(string[] args)
    {
        var scenario = PacingScenario.Parse(args);
        var (messages, channels, rate, burst) = scenario;

        Console.WriteLine($"outbox-pacing: {messages} messages over {channels} channels; platform limit {rate}/s per channel, burst {burst}");
        // Baselines without any limit: the whole path (enqueue while sending), and the sender alone (all enqueued first).
        var baseline = await RunOnceAsync(messages, channels, new SlackLimitedChannel(0, 1), perKeyRate: 0, burst, enqueueFirst: false);
        Print("baseline, no limit, enqueue while sending", baseline, messages, null);
        var senderOnly = await RunOnceAsync(messages, channels, new SlackLimitedChannel(0, 1), perKeyRate: 0, burst, enqueueFirst: true);
        Print("baseline, no limit, sender alone", senderOnly, messages, null);

        var minimum = scenario.Minimum;
        var paced = await RunOnceAsync(messages, channels, new SlackLimitedChannel(rate, burst), rate, burst, enqueueFirst: false);
        Print("paced (Slack limit)", paced, messages, minimum);
        var ratio = paced.Elapsed / minimum;
        var ok = paced.Lost == 0 && paced.Duplicated == 0 && ratio <= 1.10;
        Console.WriteLine(ok ? "PASS: within 10% of the theoretical minimum, none lost, none duplicated" : "FAIL: target is within 10% of the minimum, none lost, none duplicated");
        return ok ? 0 : 1;
    }

    private static async Task<Result> RunOnceAsync(int messages, int channels, SlackLimitedChannel channel, double perKeyRate, int burst, bool enqueueFirst)
    {
        using var dir = new TempDirectory();
        var builder = WebApplication.CreateBuilder();
        builder.Logging.ClearProviders();
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["EngageBot:Storage:DataDirectory"] = dir.Path,
            ["EngageBot:Outbox:Slack:PerKeyPerSecond"] = perKeyRate.ToString(CultureInfo.InvariantCulture),
            ["EngageBot:Outbox:Slack:PerKeyBurst"] = burst.ToString(CultureInfo.InvariantCulture),
            // The benchmark measures the per-channel limit; the workspace-wide cap is off for it.
            ["EngageBot:Outbox:Slack:GlobalPerSecond"] = "0",
            ["EngageBot:Outbox:MaxConcurrency"] = "32",
        });
        builder.Services.AddSingleton(TimeProvider.System);
        builder.AddStorage();
        builder.AddChannels();
        builder.Services.AddSingleton<IChatChannel>(channel);
        await using var app = builder.Build();
        if (!enqueueFirst)
            await app.StartAsync();
        var outbox = app.Services.GetRequiredService<IOutbox>();

        var clock = Stopwatch.StartNew();
        for (var i = 0; i < messages; i++)
        {
            var conversation = new ConversationRef(ChatPlatform.Slack, $"C{i % channels:D4}");
            await outbox.EnqueueAsync($"bench-{i:D5}", DeliveryTarget.Post(conversation), new OutboundMessage($"bench-{i:D5}"));
        }
        var enqueued = clock.Elapsed;
        if (enqueueFirst)
        {
            await app.StartAsync();
            clock.Restart();
        }
        var deadline = TimeSpan.FromSeconds(60 + messages / (double)channels * 5);
        while (channel.DeliveriesByText.Count < messages && clock.Elapsed < deadline)
            await Task.Delay(5);
        var elapsed = clock.Elapsed;
        await Task.Delay(1000); // late duplicates would show up here
        await app.StopAsync();
        var delivered = channel.DeliveriesByText.Count;
        return new Result(elapsed, enqueued, delivered, messages - delivered, channel.DeliveriesByText.Values.Sum(n => n - 1), channel.RateLimited);
    }

    private static void Print(string label, Result r, int messages, TimeSpan? minimum)
    {
        Console.WriteLine($"  {label}: elapsed {r.Elapsed.TotalSeconds:F2} s (enqueueing all {messages} took {r.Enqueued.TotalSeconds:F2} s), "
            + $"{messages / r.Elapsed.TotalSeconds:F0} msg/s; delivered {r.Delivered}, lost {r.Lost}, duplicated {r.Duplicated}, 429s {r.RateLimited}");
        if (minimum is { } min)
            Console.WriteLine($"  theoretical minimum {min.TotalSeconds:F2} s; ratio {r.Elapsed / min:F3}");
    }

    private sealed record Result(TimeSpan Elapsed, TimeSpan Enqueued, int Delivered, int Lost, int Duplicated, int RateLimited);
}
