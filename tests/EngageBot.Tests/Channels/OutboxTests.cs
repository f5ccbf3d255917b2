using System.Text.Json;
using EngageBot.Channels;
using EngageBot.Channels.Outbox;
using EngageBot.Features.Interactions;
using EngageBot.TestSupport;

namespace EngageBot.Tests.Channels;

public sealed class OutboxTests : IDisposable
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(15);
    private readonly TempDirectory _dir = new();

    private string Db => _dir.File("engagebot.db");

    [Fact]
    public async Task Enqueueing_the_same_key_twice_stores_and_sends_once()
    {
        var channel = new FakeChatChannel();
        await using var outbox = new OutboxHarness(Db, channel);
        await outbox.Outbox.EnqueueAsync("welcome:C1", DeliveryTarget.Post(OutboxHarness.Channel("C1")), new OutboundMessage("Welcome!"));
        await outbox.Outbox.EnqueueAsync("welcome:C1", DeliveryTarget.Post(OutboxHarness.Channel("C1")), new OutboundMessage("Welcome!"));
        await outbox.StartAsync();

        await Eventually.TrueAsync(() => channel.Delivered.Count == 1, Patience);
        await outbox.Outbox.EnqueueAsync("welcome:C1", DeliveryTarget.Post(OutboxHarness.Channel("C1")), new OutboundMessage("Welcome!"));
        await Task.Delay(300);

        Assert.Single(channel.Delivered);
        var status = await outbox.Outbox.GetAsync("welcome:C1");
        Assert.Equal(OutboxState.Delivered, status!.State);
        Assert.Equal(new MessageRef(OutboxHarness.Channel("C1"), channel.Delivered.Single().MessageId), status.Message);
        Assert.Null(await outbox.Outbox.GetAsync("never-enqueued"));
    }

    [Fact]
    public async Task A_429_storm_delivers_everything_exactly_once_in_order_per_channel()
    {
        // The platform allows 40/s with a burst of 2 per channel; the sender is configured (wrongly) much faster, so it meets 429s.
        var channel = new FakeChatChannel(perSecond: 40, burst: 2);
        var options = OutboxHarness.Fast();
        options.Slack = new PacingOptions { PerKeyPerSecond = 200, PerKeyBurst = 20 };
        await using var outbox = new OutboxHarness(Db, channel, options);
        var expected = new List<string>();
        for (var i = 0; i < 60; i++)
        {
            var key = $"m{i:D3}";
            expected.Add(key);
            await outbox.Outbox.EnqueueAsync(key, DeliveryTarget.Post(OutboxHarness.Channel($"C{i % 4}")), new OutboundMessage(key));
        }
        await outbox.StartAsync();

        await Eventually.TrueAsync(() => channel.Delivered.Count >= 60, Patience);
        await Task.Delay(200);

        Assert.True(channel.RateLimited > 0, "the fake platform should have answered 429 at least once");
        Assert.Equal(expected, channel.Delivered.Select(d => d.Message.Text).Order());
        foreach (var perChannel in channel.Delivered.GroupBy(d => d.Target.Conversation!.ChannelId))
            Assert.Equal(perChannel.Select(d => d.Message.Text).Order(), perChannel.Select(d => d.Message.Text));
    }

    [Fact]
    public async Task A_permanent_failure_is_recorded_with_its_reason_never_retried_and_others_flow()
    {
        var channel = new FakeChatChannel();
        channel.PermanentlyFailing.Add("C-archived");
        await using var outbox = new OutboxHarness(Db, channel);
        await outbox.Outbox.EnqueueAsync("a1", DeliveryTarget.Post(OutboxHarness.Channel("C-archived")), new OutboundMessage("lost cause"));
        await outbox.Outbox.EnqueueAsync("a2", DeliveryTarget.Post(OutboxHarness.Channel("C-archived")), new OutboundMessage("lost cause 2"));
        for (var i = 0; i < 5; i++)
            await outbox.Outbox.EnqueueAsync($"ok{i}", DeliveryTarget.Post(OutboxHarness.Channel("C-live")), new OutboundMessage($"ok{i}"));
        await outbox.StartAsync();

        await Eventually.TrueAsync(() => channel.Delivered.Count == 5 && channel.PermanentFailures == 2, Patience);
        await Task.Delay(500);

        Assert.Equal(2, channel.PermanentFailures);
        var status = await outbox.Outbox.GetAsync("a1");
        Assert.Equal((OutboxState.Failed, "channel_not_found"), (status!.State, status.FailureReason));
        var output = new StringWriter();
        Assert.Equal(0, await new OutboxFailedCommand(outbox.Store).RunAsync(["--json"], output, TextWriter.Null, default));
        var failed = JsonSerializer.Deserialize<List<FailedDelivery>>(output.ToString(), EngageBot.Channels.Inbox.ChatEventJson.Options)!;
        Assert.Equal(["a1", "a2"], failed.Select(f => f.IdempotencyKey));
        Assert.All(failed, f => Assert.Equal(("channel_not_found", "C-archived"), (f.Reason, f.Destination)));
    }

    [Fact]
    public async Task Stopping_mid_way_and_starting_a_new_sender_loses_and_duplicates_nothing()
    {
        var channel = new FakeChatChannel();
        var options = OutboxHarness.Fast();
        options.Slack = new PacingOptions { PerKeyPerSecond = 25, PerKeyBurst = 1 };
        var first = new OutboxHarness(Db, channel, options);
        for (var i = 0; i < 150; i++)
            await first.Outbox.EnqueueAsync($"m{i:D3}", DeliveryTarget.Post(OutboxHarness.Channel($"C{i % 10}")), new OutboundMessage($"m{i:D3}"));
        await first.StartAsync();
        await Eventually.TrueAsync(() => channel.Delivered.Count >= 40, Patience);
        await first.StopAsync();
        var atStop = channel.Delivered.Count;
        Assert.InRange(atStop, 40, 149);

        await using var second = new OutboxHarness(Db, channel, options);
        await second.StartAsync();
        await Eventually.TrueAsync(() => channel.Delivered.Count >= 150, Patience);
        await Task.Delay(300);

        var texts = channel.Delivered.Select(d => d.Message.Text).ToList();
        Assert.Equal(150, texts.Count);
        Assert.Equal(150, texts.Distinct().Count());
        foreach (var perChannel in channel.Delivered.GroupBy(d => d.Target.Conversation!.ChannelId))
            Assert.Equal(perChannel.Select(d => d.Message.Text).Order(), perChannel.Select(d => d.Message.Text));
    }

    [Fact]
    public async Task An_update_by_reference_replaces_the_message_once_it_is_posted()
    {
        var channel = new FakeChatChannel();
        await using var outbox = new OutboxHarness(Db, channel);
        var triage = OutboxHarness.Channel("C-triage");
        // Enqueued (say, by another instance) before the post it updates: it must go after the post.
        await outbox.Outbox.EnqueueAsync("card:T-1:resolved", OutboxReference.Update(triage, "card:T-1"), new OutboundMessage("T-1 resolved"));
        await outbox.Outbox.EnqueueAsync("card:T-1", DeliveryTarget.Post(triage), new OutboundMessage("T-1 open"));
        await outbox.StartAsync();

        await Eventually.TrueAsync(() => channel.Delivered.Count == 2, Patience);

        var post = channel.Delivered.First(d => d.Target.Kind == DeliveryKind.Post);
        var update = channel.Delivered.Single(d => d.Target.Kind == DeliveryKind.Update);
        Assert.Equal(post.MessageId, update.Target.MessageId);
        Assert.Equal("T-1 resolved", update.Message.Text);
        Assert.Equal(post.MessageId, (await outbox.Outbox.GetAsync("card:T-1"))!.Message!.MessageId);
    }

    [Fact]
    public async Task An_update_of_a_failed_message_fails_with_the_reason()
    {
        var channel = new FakeChatChannel();
        channel.PermanentlyFailing.Add("C-gone");
        await using var outbox = new OutboxHarness(Db, channel);
        await outbox.Outbox.EnqueueAsync("card:T-2", DeliveryTarget.Post(OutboxHarness.Channel("C-gone")), new OutboundMessage("T-2 open"));
        await outbox.Outbox.EnqueueAsync("card:T-2:done", OutboxReference.Update(OutboxHarness.Channel("C-gone"), "card:T-2"), new OutboundMessage("T-2 done"));
        await outbox.StartAsync();

        await Eventually.TrueAsync(() => outbox.Outbox.GetAsync("card:T-2:done").Result?.State == OutboxState.Failed, Patience);
        Assert.Contains("card:T-2", (await outbox.Outbox.GetAsync("card:T-2:done"))!.FailureReason);
        Assert.Equal(1, channel.PermanentFailures);
    }

    [Fact]
    public async Task Delivered_messages_are_in_the_interaction_log_as_the_bots()
    {
        var channel = new FakeChatChannel();
        var log = new FakeInteractionLog();
        await using var outbox = new OutboxHarness(Db, channel, log: log, directory: new FakeDirectoryLookup(new() { ["C1"] = "partner-7" }));
        await outbox.Outbox.EnqueueAsync("hello", DeliveryTarget.Post(OutboxHarness.Channel("C1")), new OutboundMessage("Hello partner"));
        await outbox.Outbox.EnqueueAsync("hello:edit", OutboxReference.Update(OutboxHarness.Channel("C1"), "hello"), new OutboundMessage("Hello, partner"));
        await outbox.StartAsync();

        await Eventually.TrueAsync(() => log.Entries.Count == 2, Patience);

        var posted = log.Entries.Single(e => e.Kind == "message");
        Assert.Equal((channel.Delivered.First().MessageId, "partner-7", AuthorKind.Bot, InteractionDirection.Outbound, "Hello partner"),
            (posted.MessageId, posted.PartnerId, posted.AuthorKind, posted.Direction, posted.Text));
        Assert.Equal(("hello:edit", "Hello, partner"), (log.Entries.Single(e => e.Kind == "update").MessageId, log.Entries.Single(e => e.Kind == "update").Text));
    }

    [Fact]
    public async Task Posts_to_triage_channels_and_dms_are_logged_with_the_partner_they_are_about()
    {
        var channel = new FakeChatChannel();
        var log = new FakeInteractionLog();
        await using var outbox = new OutboxHarness(Db, channel, log: log, directory: new FakeDirectoryLookup(new() { ["C1"] = "partner-7" }));
        await outbox.Outbox.EnqueueAsync("triage", DeliveryTarget.Post(OutboxHarness.Channel("C-TRIAGE")), new OutboundMessage("Acme: ticket T-1 (Open)", PartnerId: "acme"));
        await outbox.Outbox.EnqueueAsync("nudge", DeliveryTarget.Direct(ChatPlatform.Slack, "U-OWNER"), new OutboundMessage("T-1 is due", PartnerId: "acme"));
        await outbox.Outbox.EnqueueAsync("other", DeliveryTarget.Post(OutboxHarness.Channel("C-TRIAGE")), new OutboundMessage("No partner"));
        await outbox.StartAsync();

        await Eventually.TrueAsync(() => log.Entries.Count == 3, Patience);

        Assert.Equal("acme", log.Entries.Single(e => e.Text == "Acme: ticket T-1 (Open)").PartnerId);
        Assert.Equal(("direct", "acme"), (log.Entries.Single(e => e.Text == "T-1 is due").Kind, log.Entries.Single(e => e.Text == "T-1 is due").PartnerId));
        Assert.Null(log.Entries.Single(e => e.Text == "No partner").PartnerId);
    }

    [Fact]
    public async Task A_send_interrupted_by_a_crash_is_resent_after_its_lease_by_default()
    {
        var channel = new FakeChatChannel();
        var hold = new TaskCompletionSource();
        channel.BeforeDelivery = () => hold.Task;
        var options = OutboxHarness.Fast();
        options.LeaseDuration = TimeSpan.FromSeconds(1);
        var crashed = new OutboxHarness(Db, channel, options);
        await crashed.Outbox.EnqueueAsync("nudge", DeliveryTarget.Post(OutboxHarness.Channel("C1")), new OutboundMessage("Reminder"));
        await crashed.StartAsync();
        await Task.Delay(300); // the send is now in flight and never returns: the instance "died"

        var resumed = new FakeChatChannel();
        await using var next = new OutboxHarness(Db, resumed, options);
        await next.StartAsync();
        await Eventually.TrueAsync(() => resumed.Delivered.Count == 1, Patience);
        Assert.Equal(OutboxState.Delivered, (await next.Outbox.GetAsync("nudge"))!.State);
        hold.SetResult();
        await crashed.StopAsync();
    }

    [Fact]
    public async Task Bad_targets_are_rejected_at_enqueue()
    {
        await using var outbox = new OutboxHarness(Db, new FakeChatChannel());
        await Assert.ThrowsAsync<ArgumentException>(() => outbox.Outbox.EnqueueAsync("k", new DeliveryTarget(DeliveryKind.Post, ChatPlatform.Slack), new OutboundMessage("x")));
        await Assert.ThrowsAsync<ArgumentException>(() => outbox.Outbox.EnqueueAsync("", DeliveryTarget.Post(OutboxHarness.Channel("C1")), new OutboundMessage("x")));
        await Assert.ThrowsAsync<ArgumentException>(() => outbox.Outbox.EnqueueAsync("k", DeliveryTarget.Direct(ChatPlatform.Slack, ""), new OutboundMessage("x")));
    }

    public void Dispose() => _dir.Dispose();
}
