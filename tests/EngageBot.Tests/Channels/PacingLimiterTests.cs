using EngageBot.Channels;
using EngageBot.Channels.Outbox;
using EngageBot.TestSupport;
using Microsoft.Extensions.Options;

namespace EngageBot.Tests.Channels;

public sealed class PacingLimiterTests
{
    private readonly ManualTimeProvider _time = new();

    [Fact]
    public void Slack_defaults_allow_a_burst_of_three_then_one_per_second_per_channel()
    {
        var pacing = new PacingLimiter(Options.Create(new OutboxOptions { Slack = { GlobalPerSecond = 0 } }));
        var now = _time.GetUtcNow();
        Assert.Equal(3, Enumerable.Range(0, 10).Count(_ => pacing.TryAcquire(ChatPlatform.Slack, "C1", now) == TimeSpan.Zero));
        Assert.Equal(TimeSpan.Zero, pacing.TryAcquire(ChatPlatform.Slack, "C2", now)); // other channels are not held back
        // One per second, kept 1% under the limit so clock jitter never draws a 429.
        Assert.InRange(pacing.TryAcquire(ChatPlatform.Slack, "C1", now).TotalSeconds, 1.009, 1.011);
        Assert.Equal(TimeSpan.Zero, pacing.TryAcquire(ChatPlatform.Slack, "C1", now.AddSeconds(1.011)));
        Assert.InRange(pacing.TryAcquire(ChatPlatform.Slack, "C1", now.AddSeconds(1.011)).TotalSeconds, 1.009, 1.011);
    }

    [Fact]
    public void Teams_defaults_respect_every_published_window()
    {
        var pacing = new PacingLimiter(Options.Create(new OutboxOptions { Teams = { GlobalPerSecond = 0 } }));
        var start = _time.GetUtcNow();
        var sent = new List<DateTimeOffset>();
        for (var t = start; t < start.AddSeconds(60); t = t.AddMilliseconds(10))
            if (pacing.TryAcquire(ChatPlatform.Teams, "19:conv", t) == TimeSpan.Zero)
                sent.Add(t);

        foreach (var s in sent)
        {
            Assert.True(sent.Count(x => x >= s && x < s.AddSeconds(1)) <= 7);
            Assert.True(sent.Count(x => x >= s && x < s.AddSeconds(2)) <= 8);
            Assert.True(sent.Count(x => x >= s && x < s.AddSeconds(30)) <= 60);
        }
        Assert.Equal(120, sent.Count);
    }

    [Fact]
    public void A_429_pauses_only_that_key_for_its_retry_after()
    {
        var pacing = new PacingLimiter(Options.Create(new OutboxOptions()));
        var now = _time.GetUtcNow();
        pacing.Pause(ChatPlatform.Slack, "C1", now.AddSeconds(30));
        Assert.Equal(TimeSpan.FromSeconds(30), pacing.TryAcquire(ChatPlatform.Slack, "C1", now));
        Assert.Equal(TimeSpan.Zero, pacing.TryAcquire(ChatPlatform.Slack, "C2", now));
        Assert.Equal(TimeSpan.Zero, pacing.TryAcquire(ChatPlatform.Slack, "C1", now.AddSeconds(32)));
    }

    [Fact]
    public void Invalid_pacing_settings_name_the_key()
    {
        var options = new OutboxOptions { Slack = { PerKeyBurst = 0 }, Teams = { PerKeyWindows = "60/30,5" } };
        var errors = options.Validate(new System.ComponentModel.DataAnnotations.ValidationContext(options)).Select(r => r.ErrorMessage).ToList();
        Assert.Contains(errors, e => e!.StartsWith("EngageBot:Outbox:Slack:PerKeyBurst", StringComparison.Ordinal));
        Assert.Contains(errors, e => e!.StartsWith("EngageBot:Outbox:Teams:PerKeyWindows", StringComparison.Ordinal));
    }
}
