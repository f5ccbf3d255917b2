using EngageBot.TestSupport;

namespace EngageBot.Tests.Tickets.EndToEnd;

/// <summary>
/// Polls a condition while letting the test's clock tick: the real host's outbox paces sends by the injected clock, so
/// with a frozen clock a paced send would wait forever. 200 ms of host time per poll stays far from any SLA threshold.
/// </summary>
internal static class ClockedEventually
{
    public static async Task TrueAsync(ManualTimeProvider time, Func<bool> condition, TimeSpan? timeout = null)
    {
        var until = DateTime.UtcNow + (timeout ?? TimeSpan.FromSeconds(15));
        while (!condition())
        {
            if (DateTime.UtcNow > until) Assert.Fail($"Condition not met within {timeout ?? TimeSpan.FromSeconds(15)}.");
            time.Advance(TimeSpan.FromMilliseconds(200));
            await Task.Delay(20);
        }
    }
}
