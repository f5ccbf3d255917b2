using System.Collections.Concurrent;
using EngageBot.Channels;

namespace EngageBot.Benchmarks.OutboxPacing;

/// <summary>
/// A stand-in for Slack's chat.postMessage limit: a token bucket per channel (rate, burst), answering 429 with a
/// whole-second Retry-After (as Slack's header is) when exceeded. Counts every accepted delivery per message text.
/// </summary>
internal sealed class SlackLimitedChannel(double perSecond, int burst) : IChatChannel
{
    private readonly ConcurrentDictionary<string, Bucket> _buckets = new();
    private int _ids;

    public ChatPlatform Platform => ChatPlatform.Slack;

    public ConcurrentDictionary<string, int> DeliveriesByText { get; } = new();

    public int RateLimited;

    public DateTimeOffset LastDelivery { get; private set; }

    public Task<DeliveryResult> DeliverAsync(DeliveryTarget target, OutboundMessage message, CancellationToken cancellationToken)
    {
        var channel = PacingKey(target);
        if (perSecond > 0)
        {
            var bucket = _buckets.GetOrAdd(channel, _ => new Bucket(burst, TimeProvider.System.GetTimestamp()));
            lock (bucket)
            {
                var now = TimeProvider.System.GetTimestamp();
                bucket.Tokens = Math.Min(burst, bucket.Tokens + TimeProvider.System.GetElapsedTime(bucket.At, now).TotalSeconds * perSecond);
                bucket.At = now;
                if (bucket.Tokens < 1)
                {
                    Interlocked.Increment(ref RateLimited);
                    var retryAfter = TimeSpan.FromSeconds(Math.Ceiling((1 - bucket.Tokens) / perSecond));
                    throw new DeliveryException("ratelimited", permanent: false, retryAfter);
                }
                bucket.Tokens -= 1;
            }
        }
        DeliveriesByText.AddOrUpdate(message.Text, 1, (_, n) => n + 1);
        LastDelivery = TimeProvider.System.GetUtcNow();
        return Task.FromResult(new DeliveryResult(new MessageRef(target.Conversation!, $"{Interlocked.Increment(ref _ids)}.000100")));
    }

    public Task<bool> OpenFormAsync(string triggerId, OutboundMessage form, CancellationToken cancellationToken) => Task.FromResult(false);

    public string PacingKey(DeliveryTarget target) => target.Conversation?.ChannelId ?? target.UserId ?? "";

    private sealed class Bucket(double tokens, long at)
    {
        public double Tokens { get; set; } = tokens;
        public long At { get; set; } = at;
    }
}
