using EngageBot.Features.Nudges;
using EngageBot.TestSupport;
using EngageBot.Tests.Scheduling;
using Microsoft.Extensions.DependencyInjection;

namespace EngageBot.Tests.Nudges;

/// <summary>Two service instances over one Azurite store, sweeping at the same moments: each owner's daily nudge goes out once.</summary>
public sealed class ManagerNudgeTwoInstancesTests(AzuriteServer azurite) : IClassFixture<AzuriteServer>
{
    [Fact]
    public async Task Two_instances_on_one_Azurite_store_send_each_daily_nudge_exactly_once()
    {
        using var world = new NudgeWorld(storeFactory: TwoInstances.AzuriteStores(azurite, "nudge"));
        var second = world.Instance().GetRequiredService<ManagerNudgeSweeper>();

        foreach (var at in new[] { "2026-12-06T12:00Z", "2026-12-07T08:00Z", "2026-12-07T08:01Z", "2026-12-07T13:30Z", "2026-12-07T13:31Z", "2026-12-08T08:00Z", "2026-12-08T08:00Z" })
            await TwoInstances.SweepTogetherAsync(world.Clock, DateTimeOffset.Parse(at, System.Globalization.CultureInfo.InvariantCulture),
                () => world.Sweeper.SweepAsync(CancellationToken.None), () => second.SweepAsync(CancellationToken.None));

        Assert.Equal(["daily-nudge|olivia|2026-12-07", "daily-nudge|noah|2026-12-07", "daily-nudge|olivia|2026-12-08"], world.Nudges.Select(n => n.Key));
        Assert.Equal(["daily-nudge|2026-12-07", "daily-nudge|2026-12-08"], (await world.Claims.ClaimedKeysAsync("olivia")).Order(StringComparer.Ordinal));
    }
}
