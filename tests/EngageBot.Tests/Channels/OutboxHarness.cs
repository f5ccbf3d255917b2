using EngageBot.Channels;
using EngageBot.Channels.Outbox;
using EngageBot.Storage.Sqlite;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace EngageBot.Tests.Channels;

/// <summary>One service instance's outbox and sender (own store object and pacing) on a shared database file.</summary>
internal sealed class OutboxHarness : IAsyncDisposable
{
    private bool _started;

    public OutboxHarness(string databasePath, IChatChannel channel, OutboxOptions? options = null, FakeInteractionLog? log = null,
        FakeDirectoryLookup? directory = null, TimeProvider? time = null)
    {
        time ??= TimeProvider.System;
        var opts = Options.Create(options ?? Fast());
        Store = new OutboxStore(new SqliteRecordStore(databasePath));
        var signal = new OutboxSignal(time);
        Outbox = new Outbox(Store, signal, [channel], time);
        var recorder = new OutboundInteractionRecorder(log ?? new FakeInteractionLog(), directory ?? new FakeDirectoryLookup());
        var delivery = new OutboxDelivery(Store, new PacingLimiter(opts), [channel], recorder, opts, time, NullLogger<OutboxDelivery>.Instance);
        Sender = new OutboxSender(Store, delivery, signal, recorder, opts, time, NullLogger<OutboxSender>.Instance);
    }

    public OutboxStore Store { get; }
    public Outbox Outbox { get; }
    public OutboxSender Sender { get; }

    /// <summary>Pacing far above what tests send unless a test sets its own.</summary>
    public static OutboxOptions Fast() => new()
    {
        Slack = new PacingOptions { PerKeyPerSecond = 1000, PerKeyBurst = 1000 },
        PollInterval = TimeSpan.FromMilliseconds(200),
        RetryDelay = TimeSpan.FromMilliseconds(20),
        MaxRetryDelay = TimeSpan.FromMilliseconds(200),
    };

    public async Task StartAsync()
    {
        await Sender.StartAsync(default);
        _started = true;
    }

    public async Task StopAsync()
    {
        if (_started)
            await Sender.StopAsync(default);
        _started = false;
    }

    public ValueTask DisposeAsync() => new(StopAsync());

    public static ConversationRef Channel(string id) => new(ChatPlatform.Slack, id);
}
