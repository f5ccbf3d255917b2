using System.Diagnostics;
using System.Globalization;
using EngageBot.Cards;
using EngageBot.Channels;
using EngageBot.Channels.Slack;
using EngageBot.SlackApi.WebApi;
using EngageBot.Storage;
using EngageBot.TestSupport;

namespace EngageBot.Benchmarks.OutboxPacing;

/// <summary>
/// outbox-pacing over the wire: N messages over C channels through the real Outbox + OutboxSender and the real
/// SlackChatChannel (SlackApiClient over HTTP) to a loopback Slack enforcing 1 msg/s per channel with a burst, by 429 +
/// Retry-After. Prints elapsed vs the theoretical minimum, the ratio, delivered / lost / duplicated and the 429s drawn.
/// Options: see <see cref="PacingScenario"/>.
/// </summary>
internal sealed class SlackOutboundBenchmark : IBenchmark
{
    public string Description => "1,000 messages over 100 channels through the outbox and the real SlackChatChannel to a rate-limiting fake Slack";

    public async Task<int> RunAsync(string[] args)
    {
        var scenario = PacingScenario.Parse(args);
        var (messages, channels, rate, burst) = scenario;
        await using var slack = await RateLimitedSlackServer.StartAsync(rate, burst);
        using var dir = new TempDirectory();

        var builder = WebApplication.CreateBuilder();
        builder.Logging.ClearProviders();
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["EngageBot:Storage:DataDirectory"] = dir.Path,
            ["EngageBot:Outbox:Slack:PerKeyPerSecond"] = rate.ToString(CultureInfo.InvariantCulture),
            ["EngageBot:Outbox:Slack:PerKeyBurst"] = burst.ToString(CultureInfo.InvariantCulture),
            ["EngageBot:Outbox:Slack:GlobalPerSecond"] = "0",
            ["EngageBot:Outbox:MaxConcurrency"] = "32",
        });
        builder.Services.AddSingleton(TimeProvider.System);
        builder.AddStorage();
        builder.AddChannels();
        builder.Services.AddSingleton<IBlockKitRenderer, BlockKitRenderer>();
        builder.Services.AddSingleton(new SlackApiClient(
            new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = 64 }) { Timeout = TimeSpan.FromSeconds(10) },
            new SlackApiClientOptions { BaseUrl = slack.BaseUrl, BotToken = "xoxb-benchmark" }));
        builder.Services.AddMemoryCache();
        builder.Services.AddSingleton<SlackDirectChannels>();
        builder.Services.AddSingleton<IChatChannel, SlackChatChannel>();
        await using var app = builder.Build();
        await app.StartAsync();
        var outbox = app.Services.GetRequiredService<IOutbox>();

        Console.WriteLine($"slack-outbound: {messages} messages over {channels} channels via SlackChatChannel → loopback Slack limiting {rate}/s per channel, burst {burst}");
        // Warm-up on other channels, paced sends included, so the measured run times pacing, not the JIT compiling
        // the send path (on 2 cores that delayed every channel's first delivery by half a second).
        await SendAsync(outbox, slack, "warm", "W", messages: 5 * 20, channels: 20);
        var (elapsed, enqueued, start) = await SendAsync(outbox, slack, "bench", "C", messages, channels);
        await Task.Delay(1000); // late duplicates would show up here
        await app.StopAsync();

        var measured = slack.DeliveryTimes.Where(c => c.Key.StartsWith('C')).Select(c => c.Value.Order().Select(t => Stopwatch.GetElapsedTime(start, t).TotalSeconds).ToArray()).ToList();
        var firsts = measured.Select(times => times[0]).Order().ToArray();
        var gaps = measured.SelectMany(times => times.Skip(burst).Zip(times.Skip(burst - 1), (a, b) => a - b)).Order().ToArray();
        if (firsts.Length > 0 && gaps.Length > 0)
            Console.WriteLine($"  each channel's first delivery after {firsts[0]:F2}–{firsts[^1]:F2} s; paced gaps median {gaps[gaps.Length / 2]:F3} s, max {gaps[^1]:F3} s");
        var delivered = slack.DeliveriesByText.Count(d => d.Key.StartsWith("bench-", StringComparison.Ordinal));
        var duplicated = slack.DeliveriesByText.Values.Sum(n => n - 1);
        var minimum = scenario.Minimum;
        var ratio = elapsed / minimum;
        Console.WriteLine($"  elapsed {elapsed.TotalSeconds:F2} s (enqueueing took {enqueued.TotalSeconds:F2} s); theoretical minimum {minimum.TotalSeconds:F2} s; ratio {ratio:F3}");
        Console.WriteLine($"  delivered {delivered}, lost {messages - delivered}, duplicated {duplicated}, 429s {slack.RateLimited}");
        var ok = delivered == messages && duplicated == 0 && ratio <= 1.10;
        Console.WriteLine(ok ? "PASS: within 10% of the minimum, none lost, none duplicated" : "MISS: target is within 10% of the minimum, none lost, none duplicated");
        return ok ? 0 : 1;
    }

    /// <summary>Enqueues the messages round-robin over the channels and waits for all to arrive; returns the elapsed and enqueueing times and the start.</summary>
    private static async Task<(TimeSpan Elapsed, TimeSpan Enqueued, long Start)> SendAsync(IOutbox outbox, RateLimitedSlackServer slack, string prefix, string channelPrefix, int messages, int channels)
    {
        var start = Stopwatch.GetTimestamp();
        for (var i = 0; i < messages; i++)
        {
            var conversation = new ConversationRef(ChatPlatform.Slack, $"{channelPrefix}{i % channels:D4}");
            await outbox.EnqueueAsync($"{prefix}-{i:D5}", DeliveryTarget.Post(conversation), new OutboundMessage($"{prefix}-{i:D5}"));
        }
        var enqueued = Stopwatch.GetElapsedTime(start);
        var deadline = TimeSpan.FromSeconds(60 + messages / (double)channels * 5);
        while (slack.DeliveriesByText.Keys.Count(k => k.StartsWith(prefix + "-", StringComparison.Ordinal)) < messages && Stopwatch.GetElapsedTime(start) < deadline)
            await Task.Delay(5);
        return (Stopwatch.GetElapsedTime(start), enqueued, start);
    }
}
