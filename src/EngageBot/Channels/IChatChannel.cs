namespace EngageBot.Channels;

/// <summary>
/// A platform adapter's outbound side. Only the outbox calls it (features enqueue through <see cref="IOutbox"/>),
/// so pacing, retries and idempotency live in one place.
/// </summary>
public interface IChatChannel
{
    ChatPlatform Platform { get; }

    /// <summary>
    /// False while the adapter has no credentials (registered only so stored rows of its platform keep working): a
    /// feature choosing among a person's platforms (the weekly digest) skips it rather than queue a message that must fail.
    /// </summary>
    bool Configured => true;

    /// <summary>Performs one delivery. Throws <see cref="DeliveryException"/> classified as retryable or permanent.</summary>
    Task<DeliveryResult> DeliverAsync(DeliveryTarget target, OutboundMessage message, CancellationToken cancellationToken);

    /// <summary>Opens a form (Slack modal via trigger id); false where the platform answers in-card instead (Teams).</summary>
    Task<bool> OpenFormAsync(string triggerId, OutboundMessage form, CancellationToken cancellationToken);

    /// <summary>The key rate limits apply to for this target (Slack: per channel; Teams: per conversation).</summary>
    string PacingKey(DeliveryTarget target);
}

/// <summary>The platform's id for what was delivered (Slack ts, Teams activity id), and the conversation it landed in.</summary>
public sealed record DeliveryResult(MessageRef? Message);

/// <summary>
/// A failed delivery. Permanent ones (channel archived, user gone) are recorded, never retried. One that
/// <see cref="AwaitsBot"/> cannot be made until the bot is added where it is going: the outbox keeps it waiting
/// (not failed) and tries again when the bot is added to a conversation of that platform.
/// </summary>
public sealed class DeliveryException(string message, bool permanent, TimeSpan? retryAfter = null, Exception? inner = null)
    : Exception(message, inner)
{
    public bool Permanent { get; } = permanent;
    public TimeSpan? RetryAfter { get; } = retryAfter;
    public bool AwaitsBot { get; private init; }

    /// <summary>The bot is not (or no longer) where the message goes; adding it there makes the delivery possible.</summary>
    public static DeliveryException BotNotThere(string message, Exception? inner = null) =>
        new(message, permanent: false, inner: inner) { AwaitsBot = true };
}
