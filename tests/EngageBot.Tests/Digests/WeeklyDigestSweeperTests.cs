using Azure.Data.Tables;
using EngageBot.Channels;
using EngageBot.Features.Digests;
using EngageBot.Features.Digests.Delivery;
using EngageBot.Storage.AzureTables;
using EngageBot.TestSupport;
using Microsoft.Extensions.DependencyInjection;

namespace EngageBot.Tests.Digests;

/// <summary>
/// The weekly digest goes to each executive once per week, Monday 08:00 on their own wall clock, through both DST changes
/// of Europe and the US, late within the missed-run window and never after it, and once with two instances on one store.
/// </summary>
public sealed class WeeklyDigestSweeperTests(AzuriteServer azurite) : IClassFixture<AzuriteServer>
{
    private static int _counter;

    [Theory]
    [InlineData("2026-03-01T00:00:00Z", "2026-04-07T00:00:00Z")] // spring: US 8 March, Europe 29 March
    [InlineData("2026-10-18T00:00:00Z", "2026-11-10T00:00:00Z")] // autumn: Europe 25 October, US 1 November
    public async Task Each_executive_gets_one_digest_per_week_at_Monday_0800_local_across_DST_changes(string from, string to)
    {
        var (start, end) = (DateTimeOffset.Parse(from), DateTimeOffset.Parse(to));
        using var world = new DigestWorld(start);

        for (var now = start; now < end; now += TimeSpan.FromMinutes(30))
        {
            world.Clock.SetUtcNow(now);
            await world.Sweeper.SweepAsync(CancellationToken.None);
        }

        foreach (var (person, zoneId, target) in new[]
                 {
                     ("erin", "Europe/London", DeliveryTarget.Direct(ChatPlatform.Teams, "0a000000-0000-4000-8000-0000000000e1")),
                     ("sato", "Asia/Tokyo", DeliveryTarget.Direct(ChatPlatform.Slack, "U-SATO")),
                     ("ned", "America/New_York", DeliveryTarget.Direct(ChatPlatform.Slack, "U-NED")),
                 })
        {
            var zone = TimeZoneInfo.FindSystemTimeZoneById(zoneId);
            var expected = Mondays(start, end, zone).ToList();
            var sent = world.Outbox.Calls.Where(c => c.Key.StartsWith($"digest|{person}|", StringComparison.Ordinal)).ToList();
            Assert.Equal(expected.Select(m => m.Instant), sent.Select(s => s.At));
            Assert.Equal(expected.Select(m => $"digest|{person}|{m.Week}"), sent.Select(s => s.Key));
            Assert.All(sent, s => Assert.Equal(target, s.Target));
            Assert.All(sent, s => Assert.Equal(8, TimeZoneInfo.ConvertTime(s.At, zone).Hour));
        }
        Assert.DoesNotContain(world.Outbox.Calls, c => c.Key.Contains("|nia|", StringComparison.Ordinal)); // no chat id: nothing to send to
    }

    [Fact]
    public async Task A_send_missed_by_downtime_goes_out_late_within_the_window_and_not_after_it()
    {
        // Monday 2026-11-09: London is on GMT, so 08:00 local is 08:00 UTC.
        using var world = new DigestWorld(new DateTimeOffset(2026, 11, 9, 13, 59, 0, TimeSpan.Zero), new DigestOptions { MissedRunWindow = TimeSpan.FromHours(6) });

        await world.Sweeper.SweepAsync(CancellationToken.None); // 5 h 59 min late: sent
        world.Clock.SetUtcNow(new DateTimeOffset(2026, 11, 16, 14, 1, 0, TimeSpan.Zero));
        await world.Sweeper.SweepAsync(CancellationToken.None); // a week later, 6 h 1 min late: skipped

        Assert.Equal(["digest|erin|2026-W45"], world.Outbox.Calls.Where(c => c.Key.Contains("|erin|", StringComparison.Ordinal)).Select(c => c.Key));
    }

    [Fact]
    public async Task The_day_and_time_come_from_configuration()
    {
        using var world = new DigestWorld(new DateTimeOffset(2026, 11, 13, 15, 30, 0, TimeSpan.Zero),
            new DigestOptions { Day = DayOfWeek.Friday, Time = new TimeSpan(16, 30, 0) });

        await world.Sweeper.SweepAsync(CancellationToken.None); // 15:30 UTC = 15:30 London: not yet
        world.Clock.SetUtcNow(new DateTimeOffset(2026, 11, 13, 16, 30, 0, TimeSpan.Zero));
        await world.Sweeper.SweepAsync(CancellationToken.None);

        var sent = Assert.Single(world.Outbox.Calls, c => c.Key.Contains("|erin|", StringComparison.Ordinal));
        Assert.Equal(("digest|erin|2026-W45", new DateTimeOffset(2026, 11, 13, 16, 30, 0, TimeSpan.Zero)), (sent.Key, sent.At));
    }

    [Fact]
    public async Task Two_instances_on_one_Azurite_store_send_each_executive_one_digest_per_week()
    {
        var prefix = "dg" + Interlocked.Increment(ref _counter);
        using var world = new DigestWorld(new DateTimeOffset(2026, 11, 8, 22, 0, 0, TimeSpan.Zero), storeFactory: () =>
            new AzureTablesRecordStore(new TableServiceClient(azurite.ConnectionString), prefix));
        var second = world.Instance().GetRequiredService<WeeklyDigestSweeper>();

        // Every 15 minutes from Sunday 22:00 to Tuesday 00:00 UTC: Tokyo's Monday 08:00 is Sunday 23:00 UTC, London's 08:00 UTC, New York's 13:00 UTC.
        for (var now = world.Clock.GetUtcNow(); now < new DateTimeOffset(2026, 11, 10, 0, 0, 0, TimeSpan.Zero); now += TimeSpan.FromMinutes(15))
        {
            world.Clock.SetUtcNow(now);
            await Task.WhenAll(world.Sweeper.SweepAsync(CancellationToken.None), second.SweepAsync(CancellationToken.None));
        }

        Assert.Equal(["digest|erin|2026-W45", "digest|ned|2026-W45", "digest|sato|2026-W45"], world.Outbox.Distinct.Select(c => c.Key).Order(StringComparer.Ordinal));
        // A loser of the race may enqueue again under the same key (the outbox sends a key once); never under another key.
        Assert.All(world.Outbox.Calls, c => Assert.Contains(c.Key, world.Outbox.Distinct.Select(d => d.Key)));
    }

    private static IEnumerable<(DateTimeOffset Instant, IsoWeek Week)> Mondays(DateTimeOffset start, DateTimeOffset end, TimeZoneInfo zone)
    {
        // Independently of ZoneTimes: the zone's rules through TimeZoneInfo's own conversion (08:00 is never in a gap or overlap).
        for (var day = DateOnly.FromDateTime(start.UtcDateTime).AddDays(-1); day <= DateOnly.FromDateTime(end.UtcDateTime); day = day.AddDays(1))
        {
            if (day.DayOfWeek != DayOfWeek.Monday) continue;
            var utc = TimeZoneInfo.ConvertTimeToUtc(day.ToDateTime(new TimeOnly(8, 0)), zone);
            var instant = new DateTimeOffset(utc, TimeSpan.Zero);
            if (instant >= start && instant < end) yield return (instant, new IsoWeek(System.Globalization.ISOWeek.GetYear(day.AddDays(-7).ToDateTime(TimeOnly.MinValue)), System.Globalization.ISOWeek.GetWeekOfYear(day.AddDays(-7).ToDateTime(TimeOnly.MinValue))));
        }
    }
}
