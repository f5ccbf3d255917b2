using System.Text.Json;
using Azure.Data.Tables;
using EngageBot.Cards.Charts;
using EngageBot.Channels;
using EngageBot.Channels.Inbox;
using EngageBot.Channels.Outbox;
using EngageBot.Storage;
using EngageBot.Storage.AzureTables;
using EngageBot.Storage.Sqlite;
using EngageBot.Tests.Cards;
using EngageBot.TestSupport;

namespace EngageBot.Tests.Channels;

/// <summary>A message's charts are stored with it (as data, not pictures) on both storage adapters.</summary>
public sealed class OutboxChartSpecTests(AzuriteServer azurite) : IClassFixture<AzuriteServer>
{
    private static int _counter;

    private static OutboundMessage Digest() => new("Weekly digest", Charts:
    [
        ChartSamples.SlaLine(), ChartSamples.RiskDonut(), ChartSamples.TicketBars(),
        // Larger than one Table Storage string property (32K characters): the payload is chunked.
        new ChartSpec("long", ChartKind.HorizontalBar, "Many partners", Enumerable.Range(0, 2000).Select(i => $"Partner number {i}").ToArray(),
            [new("Health", Enumerable.Range(0, 2000).Select(i => i / 20.0).ToArray())], "N1"),
    ]);

    private static async Task AssertRoundTripAsync(IRecordStore records)
    {
        var store = new OutboxStore(records);
        var target = DeliveryTarget.Post(new ConversationRef(ChatPlatform.Slack, "C0EXECS01"));
        var message = Digest();
        Assert.True(await store.AddAsync("digest-w47", ChatPlatform.Slack, "slack:C0EXECS01", new OutboxPayload(target, message), DateTimeOffset.UtcNow, default));

        var entry = Assert.Single(await store.HeadAsync(OutboxStore.QueuePartition(ChatPlatform.Slack, "slack:C0EXECS01"), 10, default));
        Assert.True(entry.Payload.Length > 32_000);
        var stored = JsonSerializer.Deserialize<OutboxPayload>(entry.Payload, ChatEventJson.Options)!.Message.Charts!;
        Assert.Equal(message.Charts!.Count, stored.Count);
        foreach (var (expected, actual) in message.Charts.Zip(stored))
        {
            Assert.Equal((expected.Id, expected.Kind, expected.Title, expected.ValueFormat), (actual.Id, actual.Kind, actual.Title, actual.ValueFormat));
            Assert.Equal(expected.Labels, actual.Labels);
            Assert.Equal(expected.Series.Select(s => (s.Name, string.Join(",", s.Values))), actual.Series.Select(s => (s.Name, string.Join(",", s.Values))));
        }
        Assert.Contains("\"kind\":\"Donut\"", entry.Payload);
    }

    [Fact]
    public async Task Chart_specs_round_trip_through_the_sqlite_outbox()
    {
        using var temp = new TempDirectory();
        await AssertRoundTripAsync(new SqliteRecordStore(temp.File("engagebot.db")));
    }

    [Fact]
    public async Task Chart_specs_round_trip_through_the_table_storage_outbox()
    {
        await AssertRoundTripAsync(new AzureTablesRecordStore(new TableServiceClient(azurite.ConnectionString), "oc" + Interlocked.Increment(ref _counter)));
    }

    [Fact]
    public async Task Too_many_charts_or_one_without_an_id_is_refused_at_enqueue()
    {
        using var temp = new TempDirectory();
        await using var harness = new OutboxHarness(temp.File("engagebot.db"), new FakeChatChannel());
        var target = DeliveryTarget.Post(OutboxHarness.Channel("C1"));

        var many = new OutboundMessage("x", Charts: Enumerable.Range(0, 11).Select(i => ChartSamples.SlaLine() with { Id = $"c{i}" }).ToArray());
        var tooMany = await Assert.ThrowsAsync<ArgumentException>(() => harness.Outbox.EnqueueAsync("k1", target, many));
        Assert.Contains("at most 10 charts", tooMany.Message);
        var unnamed = await Assert.ThrowsAsync<ArgumentException>(() => harness.Outbox.EnqueueAsync("k2", target, new OutboundMessage("x", Charts: [ChartSamples.SlaLine() with { Id = " " }])));
        Assert.Contains("needs an id", unnamed.Message);
    }
}
