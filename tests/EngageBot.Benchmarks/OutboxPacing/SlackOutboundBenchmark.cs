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
/// Options: --messages 1000 --channels 100 --rate 1 --burst 3.
/// </summary>
internal sealed class SlackOutboundBenchmark : IBenchmark
{
    public string Description => "1,000 messages over 100 channels through the outbox and the real SlackChatChannel to a rate-limiting fake Slack";

    public async Task<int> RunAsync(string[] args)
    {
        var messages = BenchmarkArgs.Option(args, "--messages", 1000);
        var channels = BenchmarkArgs.Option(args, "--channels", 100);
        var rate = BenchmarkArgs.Option(args, "--rate", 1.0);
        var burst = BenchmarkArgs.Option(args, "--burst", 3);
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
        var clock = Stopwatch.StartNew();
        for (var i = 0; i < messages; i++)
        {
            var conversation = new ConversationRef(ChatPlatform.Slack, $"C{i % channels:D4}");
            await outbox.EnqueueAsync($"bench-{i:D5}", DeliveryTarget.Post(conversation), new OutboundMessage($"bench-{i:D5}"));
        }
        var enqueued = clock.Elapsed;
        var deadline = TimeSpan.FromSeconds(60 + messages / (double)channels * 5);
        while (slack.DeliveriesByText.Count < messages && clock.Elapsed < deadline)
            await Task.Delay(5);
        var elapsed = clock.Elapsed;
        await Task.Delay(1000); // late duplicates would show up here
        await app.StopAsync();

        var delivered = slack.DeliveriesByText.Count;
        var duplicated = slack.DeliveriesByText.Values.Sum(n => n - 1);
        var minimum = TimeSpan.FromSeconds(Math.Max(0, Math.Ceiling(messages / (double)channels) - burst) / rate);
        var ratio = elapsed / minimum;
        Console.WriteLine($"  elapsed {elapsed.TotalSeconds:F2} s (enqueueing took {enqueued.TotalSeconds:F2} s); theoretical minimum {minimum.TotalSeconds:F2} s; ratio {ratio:F3}");
        Console.WriteLine($"  delivered {delivered}, lost {messages - delivered}, duplicated {duplicated}, 429s {slack.RateLimited}");
        var ok = delivered == messages && duplicated == 0 && ratio <= 1.10;
        Console.WriteLine(ok ? "PASS: within 10% of the minimum, none lost, none duplicated" : "MISS: target is within 10% of the minimum, none lost, none duplicated");
        return ok ? 0 : 1;
    }
}
