using Microsoft.Extensions.Options;

namespace EngageBot.Channels.Outbox;

/// <summary>
/// This instance's send pacing: per pacing key a token bucket, an optional sliding window and a pause set by
/// 429 Retry-After; per platform a global token bucket. All limits are checked together and tokens are taken
/// only when every one allows the send, so a waiting key never consumes global capacity.
/// (Several instances each pace on their own; a 429 from the platform still pauses the key wherever it lands.)
/// </summary>
internal sealed class PacingLimiter(IOptions<OutboxOptions> options)
{
    private readonly object _gate = new();
    private readonly Dictionary<(ChatPlatform, string), KeyPace> _keys = [];
    private readonly Dictionary<ChatPlatform, TokenBucket?> _global = [];

    /// <summary>Takes a send slot now (returns zero) or says how long to wait before asking again.</summary>
    public TimeSpan TryAcquire(ChatPlatform platform, string key, DateTimeOffset now) => Check(platform, key, now, take: true);

    /// <summary>How long until a slot would be free, without taking it.</summary>
    public TimeSpan Peek(ChatPlatform platform, string key, DateTimeOffset now) => Check(platform, key, now, take: false);

    private TimeSpan Check(ChatPlatform platform, string key, DateTimeOffset now, bool take)
    {
        var pacing = options.Value.For(platform);
        lock (_gate)
        {
            if (!_keys.TryGetValue((platform, key), out var pace))
                _keys[(platform, key)] = pace = new KeyPace(pacing, now);
            if (!_global.TryGetValue(platform, out var global))
                _global[platform] = global = pacing.GlobalPerSecond > 0 ? new TokenBucket(pacing.GlobalPerSecond, Math.Max(1, (int)Math.Ceiling(pacing.GlobalPerSecond)), now) : null;
            var wait = Max(pace.PausedUntil - now, pace.Bucket?.Wait(now) ?? TimeSpan.Zero, pace.Windows.Select(w => w.Wait(now)).DefaultIfEmpty().Max(), global?.Wait(now) ?? TimeSpan.Zero);
            if (wait > TimeSpan.Zero || !take)
                return wait;
            pace.Bucket?.Take();
            foreach (var w in pace.Windows)
                w.Take(now);
            global?.Take();
            pace.LastUsed = now;
            if (_keys.Count > 10_000)
                Prune(now);
            return TimeSpan.Zero;
        }
    }

    /// <summary>
    /// The platform call for the last slot taken on this key lasted <paramref name="callDuration"/>. The platform saw
    /// the send somewhere within the call, so pacing counts it as sent at the call's end: this errs on the safe
    /// side (a slow call followed by a fast one would otherwise land two sends closer than allowed and draw a 429)
    /// while our own bookkeeping between taking the slot and calling costs no pace.
    /// </summary>
    public void Confirm(ChatPlatform platform, string key, TimeSpan callDuration)
    {
        if (callDuration <= TimeSpan.Zero)
            return;
        lock (_gate)
        {
            if (!_keys.TryGetValue((platform, key), out var pace))
                return;
            pace.Bucket?.Shift(callDuration);
            foreach (var w in pace.Windows)
                w.Shift(callDuration);
        }
    }

    /// <summary>The platform said 429: nothing goes to this key until <paramref name="until"/>.</summary>
    public void Pause(ChatPlatform platform, string key, DateTimeOffset until)
    {
        lock (_gate)
        {
            if (!_keys.TryGetValue((platform, key), out var pace))
                _keys[(platform, key)] = pace = new KeyPace(options.Value.For(platform), until);
            if (until > pace.PausedUntil)
                pace.PausedUntil = until;
            // After a 429 the platform's window is full: start again from an empty bucket, not a burst.
            pace.Bucket?.Drain(until);
        }
    }

    private void Prune(DateTimeOffset now)
    {
        foreach (var (k, _) in _keys.Where(p => now - p.Value.LastUsed > TimeSpan.FromMinutes(10) && p.Value.PausedUntil < now).ToList())
            _keys.Remove(k);
    }

    private static TimeSpan Max(params TimeSpan[] spans) => spans.Max();

    private sealed class KeyPace(PacingOptions o, DateTimeOffset now)
    {
        public TokenBucket? Bucket { get; } = o.PerKeyPerSecond > 0 ? new TokenBucket(o.PerKeyPerSecond, o.PerKeyBurst, now) : null;
        public IReadOnlyList<SlidingWindow> Windows { get; } = [.. o.ParseWindows().Select(w => new SlidingWindow(w.Limit, w.Window))];
        public DateTimeOffset PausedUntil { get; set; } = DateTimeOffset.MinValue;
        public DateTimeOffset LastUsed { get; set; } = now;
    }
}

/// <summary>Starts full (a burst is allowed), refills at a steady rate up to its capacity.</summary>
internal sealed class TokenBucket(double perSecond, int burst, DateTimeOffset now)
{
    /// <summary>
    /// Each send costs a whisker more than one token, so sends keep 1% under the limit (10 ms per paced send at
    /// 1 msg/s): the platform's clock and ours never agree to the microsecond, and a send paced exactly to the limit
    /// draws the occasional 429, whose whole-second Retry-After costs far more. A full bucket still holds a burst.
    /// </summary>
    private const double Cost = 1.01;

    private readonly double _capacity = burst * Cost;
    private double _tokens = burst * Cost;
    private DateTimeOffset _at = now;

    public TimeSpan Wait(DateTimeOffset now)
    {
        if (now > _at)
        {
            _tokens = Math.Min(_capacity, _tokens + (now - _at).TotalSeconds * perSecond);
            _at = now;
        }
        return _tokens >= Cost ? TimeSpan.Zero : TimeSpan.FromSeconds((Cost - _tokens) / perSecond);
    }

    public void Take() => _tokens -= Cost;

    /// <summary>Forgoes <paramref name="by"/> of refill, as if the last take had happened that much later.</summary>
    public void Shift(TimeSpan by) => _at += by;

    public void Drain(DateTimeOffset at)
    {
        _tokens = 0;
        _at = at;
    }
}

/// <summary>At most <paramref name="limit"/> sends in any interval of <paramref name="window"/> (Teams' 60 per 30 s).</summary>
internal sealed class SlidingWindow(int limit, TimeSpan window)
{
    private readonly LinkedList<DateTimeOffset> _sent = new();

    public TimeSpan Wait(DateTimeOffset now)
    {
        while (_sent.First is { } first && first.Value <= now - window)
            _sent.RemoveFirst();
        return _sent.Count < limit ? TimeSpan.Zero : _sent.First!.Value + window - now;
    }

    public void Take(DateTimeOffset now) => _sent.AddLast(now);

    public void Shift(TimeSpan by)
    {
        if (_sent.Last is { } last)
            last.Value += by;
    }
}
