using System.Net;
using System.Text.Json.Nodes;
using EngageBot.Cards;
using EngageBot.Cards.Charts;
using EngageBot.Channels;
using EngageBot.Channels.Outbox;
using EngageBot.Channels.Slack;
using EngageBot.SlackApi.WebApi;
using EngageBot.Storage.Sqlite;
using EngageBot.Tests.Cards;
using EngageBot.Tests.Channels;
using EngageBot.TestSupport;
using EngageBot.TestSupport.FakeSlack;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.Logging.Abstractions;

namespace EngageBot.Tests.Slack;

/// <summary>Charts through the real outbox and SlackChatChannel to the fake Slack over loopback HTTP.</summary>
public sealed class SlackChartDeliveryTests : IAsyncLifetime
{
    private static readonly ConversationRef Channel = new(ChatPlatform.Slack, "C0EXECS01");
    private readonly TempDirectory _data = new();
    private readonly HttpClient _http = new();
    private FakeSlackServer _slack = null!;
    private OutboxHarness _outbox = null!;

    public async Task InitializeAsync()
    {
        _slack = await FakeSlackServer.StartAsync();
        var api = new SlackApiClient(_http, new SlackApiClientOptions { BaseUrl = _slack.BaseUrl, BotToken = "xoxb-charts" });
        var uploads = new SlackChartUploads(api, new ChartPngRenderer(), new SqliteRecordStore(_data.File("engagebot.db")), TimeProvider.System,
            NullLogger<SlackChartUploads>.Instance);
        var channel = new SlackChatChannel(api, new BlockKitRenderer(), new SlackDirectChannels(api, new MemoryCache(new MemoryCacheOptions())),
            chartUploads: uploads);
        _outbox = new OutboxHarness(_data.File("engagebot.db"), channel);
    }

    public async Task DisposeAsync()
    {
        await _outbox.DisposeAsync();
        _http.Dispose();
        await _slack.DisposeAsync();
        _data.Dispose();
    }

    private static OutboundMessage Digest() =>
        new("Weekly digest: 42 tickets opened, 96% first responses in SLA", Charts: [ChartSamples.SlaLine(), ChartSamples.RiskDonut()]);

    private async Task<OutboxState> DeliverAsync(string key, OutboundMessage message)
    {
        await _outbox.Outbox.EnqueueAsync(key, DeliveryTarget.Post(Channel), message);
        await _outbox.StartAsync();
        OutboxState state = OutboxState.Queued;
        await Eventually.TrueAsync(() => (state = _outbox.Outbox.GetAsync(key).GetAwaiter().GetResult()!.State) != OutboxState.Queued, TimeSpan.FromSeconds(20));
        return state;
    }

    [Fact]
    public async Task A_message_with_two_charts_uploads_two_pngs_and_posts_once_showing_both()
    {
        Assert.Equal(OutboxState.Delivered, await DeliverAsync("digest-1", Digest()));

        Assert.Equal(2, _slack.CallsTo("files.getUploadURLExternal").Count);
        Assert.Equal(["sla.png", "risks.png"], _slack.CallsTo("files.getUploadURLExternal").Select(c => c.Field("filename")));
        var completed = _slack.CompletedFiles;
        Assert.Equal(2, completed.Distinct().Count());
        Assert.All(completed, id => Assert.Equal((800, 400), ChartPngRendererTests.PngSize(_slack.UploadedBytes(id)!)));
        // Uploaded private (no channel): the bot's message is what shows them, as image blocks naming the files.
        Assert.All(_slack.CallsTo("files.completeUploadExternal"), c => Assert.Null(c.Field("channel_id")));
        Assert.Null(_slack.CallsTo(FakeSlackServer.UploadMethod)[0].Authorization);

        var post = Assert.Single(_slack.CallsTo("chat.postMessage"));
        Assert.Equal("Weekly digest: 42 tickets opened, 96% first responses in SLA", post.Field("text"));
        var blocks = post.Json["blocks"]!.AsArray();
        Assert.Equal("section", (string?)blocks[0]!["type"]);
        var images = blocks.Skip(1).Select(b => b!.AsObject()).ToArray();
        Assert.Equal(completed, images.Select(i => (string?)i["slack_file"]!["id"]));
        Assert.Equal(["chart-sla", "chart-risks"], images.Select(i => (string?)i["block_id"]));
        Assert.StartsWith("Open churn risks by severity. Open: Critical 2, High 5", (string?)images[1]["alt_text"]);
    }

    [Fact]
    public async Task A_failed_post_is_retried_with_the_files_already_uploaded()
    {
        _slack.StatusNext("chat.postMessage", HttpStatusCode.ServiceUnavailable);

        Assert.Equal(OutboxState.Delivered, await DeliverAsync("digest-2", Digest()));

        var posts = _slack.CallsTo("chat.postMessage");
        Assert.Equal(2, posts.Count);
        Assert.Equal(2, _slack.CallsTo("files.getUploadURLExternal").Count);
        Assert.Equal(2, _slack.CompletedFiles.Count);
        Assert.Equal(_slack.CompletedFiles, posts[1].Json["blocks"]!.AsArray().Skip(1).Select(b => (string?)b!["slack_file"]!["id"]));
        Assert.Equal(posts[0].Body, posts[1].Body);
    }

    [Fact]
    public async Task An_outage_between_the_two_uploads_uploads_each_chart_once_and_posts_once()
    {
        // First chart goes through; the second chart's bytes meet a 503, then its next upload URL a 429.
        _slack.PassNext(FakeSlackServer.UploadMethod);
        _slack.StatusNext(FakeSlackServer.UploadMethod, HttpStatusCode.ServiceUnavailable);
        _slack.PassNext("files.getUploadURLExternal");
        _slack.PassNext("files.getUploadURLExternal");
        _slack.RateLimitNext("files.getUploadURLExternal", 1);

        Assert.Equal(OutboxState.Delivered, await DeliverAsync("digest-3", Digest()));

        Assert.Equal(2, _slack.CompletedFiles.Count);
        Assert.Equal(2, _slack.CompletedFiles.Distinct().Count());
        var firstChartFile = _slack.CompletedFiles[0];
        Assert.Single(_slack.CallsTo(FakeSlackServer.UploadMethod), c => c.Field("file") == firstChartFile);
        var post = Assert.Single(_slack.CallsTo("chat.postMessage"));
        Assert.Equal(_slack.CompletedFiles, post.Json["blocks"]!.AsArray().Skip(1).Select(b => (string?)b!["slack_file"]!["id"]));
    }

    [Fact]
    public async Task Slack_refusing_a_just_uploaded_file_is_retried_not_failed()
    {
        _slack.FailNext("chat.postMessage", "invalid_blocks");

        Assert.Equal(OutboxState.Delivered, await DeliverAsync("digest-4", Digest()));

        Assert.Equal(2, _slack.CallsTo("chat.postMessage").Count);
        Assert.Equal(2, _slack.CompletedFiles.Count);
    }

    [Fact]
    public async Task A_card_keeps_its_blocks_and_the_charts_follow_them()
    {
        var card = new JsonObject
        {
            ["type"] = "AdaptiveCard", ["version"] = "1.5",
            ["body"] = new JsonArray(new JsonObject { ["type"] = "TextBlock", ["text"] = "Weekly digest", ["weight"] = "Bolder" }),
        };

        await DeliverAsync("digest-5", new OutboundMessage("Weekly digest", card, Charts: [ChartSamples.AttentionBars()]));

        var blocks = Assert.Single(_slack.CallsTo("chat.postMessage")).Json["blocks"]!.AsArray();
        Assert.Equal("image", (string?)blocks[^1]!["type"]);
        Assert.DoesNotContain(blocks.Take(blocks.Count - 1), b => (string?)b!["type"] == "image");
    }
}
