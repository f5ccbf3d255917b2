using System.Collections.Concurrent;
using EngageBot.Channels;

namespace EngageBot.Tests.Channels;

/// <summary>
/// A chat platform that enforces a per-channel token bucket (429 with Retry-After when exceeded, like Slack),
/// fails permanently for chosen channels, and records every delivery it accepted.
/// </summary>
internal sealed class FakeChatChannel(double perSecond = 0, int burst = 1, TimeProvider? clock = null) : IChatChannel
{
    private readonly TimeProvider _clock = clock ?? TimeProvider.System;
    private readonly ConcurrentDictionary<string, (double Tokens, DateTimeOffset At)> _buckets = new();
    private int _ids;

    public ChatPlatform Platform => ChatPlatform.Slack;

    public ConcurrentQueue<(DeliveryTarget Target, OutboundMessage Message, string MessageId)> Delivered { get; } = new();

    public HashSet<string> PermanentlyFailing { get; } = [];

    public int RateLimited;
    public int PermanentFailures;

    /// <summary>Awaited before each delivery; lets a test hold sends in flight.</summary>
    public Func<Task> BeforeDelivery { get; set; } = () => Task.CompletedTask;

    public async Task<DeliveryResult> DeliverAsync(DeliveryTarget target, OutboundMessage message, CancellationToken cancellationToken)
    {
        await BeforeDelivery();
        var channel = PacingKey(target);
        if (PermanentlyFailing.Contains(channel))
        {
            Interlocked.Increment(ref PermanentFailures);
            throw new DeliveryException("channel_not_found", permanent: true);
        }
        if (perSecond > 0 && TryTake(channel) is { } retryAfter)
        {
            Interlocked.Increment(ref RateLimited);
            throw new DeliveryException("ratelimited", permanent: false, retryAfter);
        }
        var id = target.Kind is DeliveryKind.Update or DeliveryKind.Reaction ? target.MessageId! : $"ts{Interlocked.Increment(ref _ids)}";
        Delivered.Enqueue((target, message, id));
        return new DeliveryResult(new MessageRef(target.Conversation ?? new ConversationRef(Platform, "D" + target.UserId), id));
    }

    public Task<bool> OpenFormAsync(string triggerId, OutboundMessage form, CancellationToken cancellationToken) => Task.FromResult(true);

    public string PacingKey(DeliveryTarget target) => target.Conversation?.ChannelId ?? target.UserId ?? "";

    private TimeSpan? TryTake(string channel)
    {
        TimeSpan? wait = null;
        _buckets.AddOrUpdate(channel, _ => (burst - 1, _clock.GetUtcNow()), (_, b) =>
        {
            var now = _clock.GetUtcNow();
            var tokens = Math.Min(burst, b.Tokens + (now - b.At).TotalSeconds * perSecond);
            if (tokens >= 1)
            {
                wait = null;
                return (tokens - 1, now);
            }
            wait = TimeSpan.FromSeconds((1 - tokens) / perSecond);
            return (tokens, now);
        });
        return wait;
    }
}
