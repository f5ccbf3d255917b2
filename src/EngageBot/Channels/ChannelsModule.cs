using EngageBot.Channels.Inbox;
using EngageBot.Channels.Outbox;
using EngageBot.Cli;
using EngageBot.Hosting;

namespace EngageBot.Channels;

/// <summary>
/// The platform-neutral core: the durable inbox (adapters accept, features handle) and the durable, paced
/// outbox (features enqueue, adapters' <see cref="IChatChannel"/>s deliver). Adapters register their
/// IChatChannel as a singleton; features register IChatEventHandler implementations.
/// </summary>
public static class ChannelsModule
{
    public static WebApplicationBuilder AddChannels(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddChatPlatforms();
        services.AddValidatedOptions<InboxOptions>(InboxOptions.Section);
        services.AddSingleton<InboxStore>();
        services.AddSingleton<InboxSignal>();
        services.AddSingleton<IntakePriority>();
        services.AddSingleton<IInbox, Inbox.Inbox>();
        services.AddSingleton<InboundInteractionRecorder>();
        services.AddHostedService<InboxProcessor>();
        services.AddCliCommand<InboxParkedCommand>();

        services.AddValidatedOptions<OutboxOptions>(OutboxOptions.Section);
        services.AddSingleton<OutboxStore>();
        services.AddSingleton<OutboxSignal>();
        services.AddSingleton<Outbox.Outbox>();
        services.AddSingleton<IOutbox>(sp => sp.GetRequiredService<Outbox.Outbox>());
        services.AddSingleton<IOutboxStatus>(sp => sp.GetRequiredService<Outbox.Outbox>());
        services.AddSingleton<PacingLimiter>();
        services.AddSingleton<OutboundInteractionRecorder>();
        services.AddSingleton<OutboxDelivery>();
        services.AddHostedService<OutboxSender>();
        services.AddSingleton<IChatEventHandler, OutboxBotAddedHandler>();
        services.AddCliCommand<OutboxFailedCommand>();
        return builder;
    }
}
