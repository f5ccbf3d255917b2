using EngageBot.Channels;
using EngageBot.Features.CheckIns;
using EngageBot.Features.CheckIns.Schedule;
using EngageBot.TestSupport;
using EngageBot.Tests.Scheduling;
using Microsoft.Extensions.DependencyInjection;

namespace EngageBot.Tests.CheckIns;

/// <summary>Two service instances over one Azurite store, sweeping at the same moments: each check-in and reminder goes out once.</summary>
public sealed class CheckInTwoInstancesTests(AzuriteServer azurite) : IClassFixture<AzuriteServer>
{
    [Fact]
    public async Task Two_instances_on_one_Azurite_store_post_each_check_in_and_reminder_exactly_once()
    {
        using var world = new CheckInWorld(new CheckInsOptions { ReminderDelay = TimeSpan.FromHours(8) }, TwoInstances.AzuriteStores(azurite, "ci"));
        var second = world.Instance().GetRequiredService<CheckInSweeper>();

        Task BothSweepAtAsync(DateTime local) => TwoInstances.SweepTogetherAsync(world.Clock, new DateTimeOffset(local, TimeSpan.FromHours(1)),
            () => world.Sweeper.SweepAsync(CancellationToken.None), () => second.SweepAsync(CancellationToken.None));

        await BothSweepAtAsync(new DateTime(2026, 12, 7, 10, 0, 0));
        for (var minute = 0; minute < 3; minute++) await BothSweepAtAsync(new DateTime(2026, 12, 8, 10, minute, 0));
        for (var minute = 0; minute < 3; minute++) await BothSweepAtAsync(new DateTime(2026, 12, 9, 10, minute, 0));   // reminder: 8 business hours later
        for (var minute = 0; minute < 3; minute++) await BothSweepAtAsync(new DateTime(2026, 12, 16, 10, minute, 0)); // next check-in (the 15th is a holiday)

        Assert.Equal(["checkin|ci-acme-20261208T1000|Slack", "checkin|ci-acme-20261208T1000|Teams", "checkin|ci-acme-20261215T1000|Slack", "checkin|ci-acme-20261215T1000|Teams"],
            world.Cards.Select(c => c.Key).Order(StringComparer.Ordinal));
        Assert.Equal(2, world.Reminders.Count);
        Assert.Equal(6, world.Outbox.All.Count); // four cards, two reminders, under distinct keys
        Assert.Equal(["checkin|2026-12-08T10:00", "checkin|2026-12-15T10:00", "reminder|2026-12-08T10:00"],
            (await world.Claims.ClaimedKeysAsync("acme")).Order(StringComparer.Ordinal));
    }
}
