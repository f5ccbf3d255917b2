namespace EngageBot.Tests.Channels;

internal static class Eventually
{
    public static async Task TrueAsync(Func<bool> condition, TimeSpan timeout)
    {
        var until = DateTime.UtcNow + timeout;
        while (!condition())
        {
            if (DateTime.UtcNow > until)
                Assert.Fail($"Condition not met within {timeout}.");
            await Task.Delay(20);
        }
    }
}
