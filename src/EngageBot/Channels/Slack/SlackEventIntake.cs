using EngageBot.SlackApi.Events;

namespace EngageBot.Channels.Slack;

/// <summary>Maps one Events API envelope and stores it in the inbox; shared by the HTTP endpoint and Socket Mode.</summary>
public sealed class SlackEventIntake(SlackEventMapper mapper, IInbox inbox, ILogger<SlackEventIntake> logger)
{
    /// <summary>Returns once the event is durable (or deliberately ignored); throws if it could not be stored, so Slack retries.</summary>
    public async Task AcceptAsync(SlackEventEnvelope envelope, int? retryNum, CancellationToken cancellationToken)
    {
        if (envelope.Type != SlackEventEnvelope.EventCallback) return;
        var chatEvent = await mapper.MapAsync(envelope, cancellationToken);
        if (chatEvent is null) return;
        var accepted = await inbox.AcceptAsync(chatEvent, cancellationToken);
        if (!accepted)
            logger.LogDebug("Slack event {EventId} already accepted (retry {Retry})", envelope.EventId, retryNum);
    }
}
