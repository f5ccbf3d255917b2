using EngageBot.Hosting.Telemetry;

namespace EngageBot.Channels.Outbox;

/// <summary>Validates and stores outbound messages once per idempotency key, then wakes this instance's sender.</summary>
internal sealed class Outbox(OutboxStore store, OutboxSignal signal, IEnumerable<IChatChannel> channels, TimeProvider time) : IOutbox, IOutboxStatus
{
    private readonly IReadOnlyList<IChatChannel> _channels = channels.ToList();

    public async Task EnqueueAsync(string idempotencyKey, DeliveryTarget target, OutboundMessage message, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(target);
        ArgumentNullException.ThrowIfNull(message);
        if (string.IsNullOrWhiteSpace(idempotencyKey) || idempotencyKey.Length > 400)
            throw new ArgumentException("An idempotency key of 1 to 400 characters is required.", nameof(idempotencyKey));
        if (Problem(target) is { } problem)
            throw new ArgumentException($"Invalid delivery target ({target.Kind}): {problem}.", nameof(target));
        if (string.IsNullOrEmpty(message.Text) && message.Card is null && target.Kind != DeliveryKind.Reaction)
            throw new ArgumentException("An outbound message needs text or a card.", nameof(message));
        if (message.Charts is { Count: > OutboundMessage.MaxCharts })
            throw new ArgumentException($"An outbound message carries at most {OutboundMessage.MaxCharts} charts; this one has {message.Charts.Count}.", nameof(message));
        if (message.Charts?.Any(c => c is null || string.IsNullOrWhiteSpace(c.Id)) == true)
            throw new ArgumentException("Every chart of an outbound message needs an id.", nameof(message));

        var pacingKey = PacingKey(target);
        if (await store.AddAsync(idempotencyKey, target.Platform, pacingKey, new OutboxPayload(target, message), time.GetUtcNow(), cancellationToken))
        {
            signal.Notify(OutboxStore.QueuePartition(target.Platform, pacingKey));
            EngageBotMetrics.MessageEnqueued(target.Platform);
        }
    }

    public async Task<OutboxMessageStatus?> GetAsync(string idempotencyKey, CancellationToken cancellationToken = default) =>
        (await store.GetReceiptAsync(idempotencyKey, cancellationToken))?.ToStatus();

    /// <summary>The adapter's pacing key; without an adapter for the platform (not configured) the conversation or user, so the message waits its turn and fails clearly at send time.</summary>
    private string PacingKey(DeliveryTarget target) =>
        _channels.FirstOrDefault(c => c.Platform == target.Platform) is { } channel
            ? channel.PacingKey(target)
            : target.Conversation?.ChannelId ?? target.UserId ?? "";

    private static string? Problem(DeliveryTarget t)
    {
        if (t.Conversation is { } c && c.Platform != t.Platform)
            return "the conversation is on another platform";
        return t.Kind switch
        {
            DeliveryKind.Post when t.Conversation is null => "a conversation is required",
            DeliveryKind.Update or DeliveryKind.Reaction when t.Conversation is null || string.IsNullOrEmpty(t.MessageId) => "a conversation and a message id (or OutboxReference) are required",
            DeliveryKind.DirectMessage when string.IsNullOrEmpty(t.UserId) => "a user id is required",
            DeliveryKind.Ephemeral when t.Conversation is null || string.IsNullOrEmpty(t.UserId) => "a conversation and a user id are required",
            _ => null,
        };
    }
}
