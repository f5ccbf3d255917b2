using EngageBot.Channels;
using EngageBot.Channels.Outbox;
using EngageBot.TestSupport;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;

namespace EngageBot.Tests.Channels;

/// <summary>The real host's wiring: an accepted event reaches a feature handler and an enqueued message reaches the adapter.</summary>
public sealed class ChannelsModuleTests : IDisposable
{
    private readonly TempDirectory _dir = new();

    [Fact]
    public async Task The_host_runs_the_inbox_processor_and_the_outbox_sender()
    {
        var handler = new RecordingHandler();
        var channel = new FakeChatChannel();
        await using var factory = new WebApplicationFactory<Program>().WithWebHostBuilder(b =>
        {
            b.UseSetting("EngageBot:Storage:DataDirectory", _dir.Path);
            b.ConfigureTestServices(s =>
            {
                s.AddSingleton<IChatEventHandler>(handler);
                s.AddSingleton<IChatChannel>(channel);
            });
        });
        _ = factory.Server;
        var services = factory.Services;

        Assert.True(await services.GetRequiredService<IInbox>().AcceptAsync(InboxHarness.Message("Ev-host")));
        await services.GetRequiredService<IOutbox>().EnqueueAsync("host:1", DeliveryTarget.Post(new ConversationRef(ChatPlatform.Slack, "C1")), new OutboundMessage("hi"));

        await Eventually.TrueAsync(() => handler.Handled.Count == 1 && channel.Delivered.Count == 1, TimeSpan.FromSeconds(15));
        await Eventually.TrueAsync(() => services.GetRequiredService<IOutboxStatus>().GetAsync("host:1").Result?.State == OutboxState.Delivered, TimeSpan.FromSeconds(5));
    }

    public void Dispose() => _dir.Dispose();
}
