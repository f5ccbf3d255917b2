namespace EngageBot.Channels;

/// <summary>
/// A feature's entry point for inbound events. Every registered handler sees every event once,
/// after it has been stored durably and acknowledged to the platform.
/// </summary>
public interface IChatEventHandler
{
    Task HandleAsync(ChatEvent chatEvent, CancellationToken cancellationToken);
}
