using EngageBot.Features.CheckIns.Schedule;
using EngageBot.Features.Directory.Model;

namespace EngageBot.Tests.CheckIns;

public sealed class CheckInScheduleTests
{
    private static Partner Partner(CheckInCadence cadence, CheckInTiming? timing = null, string zone = "Europe/Berlin", DateOnly? onboarded = null) =>
        new("acme", "Acme", "gold", zone, onboarded ?? new DateOnly(2026, 1, 5), "olivia", null, null, cadence, TicketMode.QuestionsOnly, null,
            PlatformLink.None, PlatformLink.None, [], timing);

    private static BusinessCalendar Calendar(string zone = "Europe/Berlin", params DateOnly[] holidays) =>
        new("cal", zone, BusinessCalendar.MondayToFriday, DailyHours.NineToFive, holidays);

    private static CheckInSchedule Schedule(CheckInCadence cadence, CheckInTiming? timing = null, string zone = "Europe/Berlin", params DateOnly[] holidays) =>
        new(Partner(cadence, timing, zone), Calendar(zone, holidays));

    private static DateTimeOffset Utc(int y, int mo, int d, int h = 0, int mi = 0) => new(y, mo, d, h, mi, 0, TimeSpan.Zero);

    [Fact]
    public void Weekly_check_in_falls_on_the_named_weekday_at_local_time_in_winter_and_summer()
    {
        var schedule = Schedule(CheckInCadence.Weekly, new CheckInTiming(DayOfWeek.Tuesday, Time: new TimeOnly(10, 0)));

        Assert.Equal(Utc(2026, 12, 8, 9), schedule.NextAfter(Utc(2026, 12, 7, 12))!.At); // CET, UTC+1
        Assert.Equal(Utc(2026, 7, 7, 8), schedule.NextAfter(Utc(2026, 7, 6, 12))!.At);   // CEST, UTC+2
    }

    [Fact]
    public void The_same_local_time_holds_in_several_time_zones()
    {
        var timing = new CheckInTiming(DayOfWeek.Monday, Time: new TimeOnly(9, 30));
        Assert.Equal(Utc(2026, 12, 7, 14, 30), Schedule(CheckInCadence.Weekly, timing, "America/New_York").NextAfter(Utc(2026, 12, 6))!.At);
        Assert.Equal(Utc(2026, 12, 6, 22, 30), Schedule(CheckInCadence.Weekly, timing, "Australia/Sydney").NextAfter(Utc(2026, 12, 6))!.At);
        Assert.Equal(Utc(2026, 12, 7, 4), Schedule(CheckInCadence.Weekly, timing, "Asia/Kolkata").NextAfter(Utc(2026, 12, 6))!.At);
    }

    [Fact]
    public void A_check_in_on_a_holiday_moves_to_the_next_working_day_and_keeps_its_slot()
    {
        // Friday 25 Dec is a holiday, then the weekend: Monday 28 Dec at 10:00.
        var schedule = Schedule(CheckInCadence.Weekly, new CheckInTiming(DayOfWeek.Friday), "Europe/Berlin", new DateOnly(2026, 12, 25));

        var next = schedule.NextAfter(Utc(2026, 12, 19))!;

        Assert.Equal(new DateTime(2026, 12, 25, 10, 0, 0), next.Slot);
        Assert.Equal(new DateTime(2026, 12, 28, 10, 0, 0), next.Local);
        Assert.Equal(Utc(2026, 12, 28, 9), next.At);
        Assert.Equal("ci-acme-20261225T1000", next.CheckInId);
    }

    [Fact]
    public void A_monthly_check_in_on_a_weekend_moves_to_monday()
    {
        // 1 August 2026 is a Saturday.
        var next = Schedule(CheckInCadence.Monthly).NextAfter(Utc(2026, 7, 15))!;
        Assert.Equal(new DateTime(2026, 8, 3, 10, 0, 0), next.Local);
    }

    [Fact]
    public void Day_31_is_the_last_day_of_short_months_and_quarterly_runs_in_january_april_july_october()
    {
        var monthly = Schedule(CheckInCadence.Monthly, new CheckInTiming(DayOfMonth: 31, Time: new TimeOnly(15, 0)));
        Assert.Equal([new DateTime(2026, 11, 30, 15, 0, 0), new DateTime(2026, 12, 31, 15, 0, 0), new DateTime(2027, 2, 1, 15, 0, 0)],
            monthly.Upcoming(Utc(2026, 11, 3), 3).Select(o => o.Local)); // 31 Jan 2027 is a Sunday; 31 Oct 2026 (a Saturday) went out on 2 Nov

        var quarterly = Schedule(CheckInCadence.Quarterly, new CheckInTiming(Weekday: DayOfWeek.Wednesday));
        Assert.Equal([new DateTime(2027, 1, 6, 10, 0, 0), new DateTime(2027, 4, 7, 10, 0, 0), new DateTime(2027, 7, 7, 10, 0, 0)],
            quarterly.Upcoming(Utc(2026, 11, 1), 3).Select(o => o.Local));
    }

    [Fact]
    public void Biweekly_parity_follows_the_onboarding_week_not_the_day_the_service_started()
    {
        var partner = Partner(CheckInCadence.Biweekly, new CheckInTiming(DayOfWeek.Thursday), onboarded: new DateOnly(2026, 11, 30));
        var schedule = new CheckInSchedule(partner, Calendar());

        Assert.Equal([new DateOnly(2026, 12, 3), new DateOnly(2026, 12, 17), new DateOnly(2026, 12, 31)],
            schedule.Upcoming(Utc(2026, 12, 1), 3).Select(o => DateOnly.FromDateTime(o.Local)));
        Assert.Equal(new DateOnly(2026, 12, 17), DateOnly.FromDateTime(schedule.NextAfter(Utc(2026, 12, 9))!.Local));
    }

    [Fact]
    public void Spring_forward_moves_a_skipped_local_time_to_the_end_of_the_gap_once()
    {
        // Europe/Berlin skips 02:00–03:00 on Sunday 29 March 2026; a daily 02:30 cron check-in (Sunday is a working day here).
        var calendar = new BusinessCalendar("all", "Europe/Berlin", Enum.GetValues<DayOfWeek>(), DailyHours.NineToFive, []);
        var schedule = new CheckInSchedule(Partner(CheckInCadence.Cron, new CheckInTiming(Cron: "0 30 2 * * ?")), calendar);

        var times = schedule.Upcoming(Utc(2026, 3, 27, 12), 3).Select(o => o.At).ToList();

        Assert.Equal([Utc(2026, 3, 28, 1, 30), Utc(2026, 3, 29, 1), Utc(2026, 3, 30, 0, 30)], times);
    }

    [Fact]
    public void Fall_back_runs_a_repeated_local_time_once_at_its_first_occurrence()
    {
        // Europe/Berlin repeats 02:00–03:00 on Sunday 25 October 2026; Quartz's own cron trigger would fire twice (quartznet#2475).
        var calendar = new BusinessCalendar("all", "Europe/Berlin", Enum.GetValues<DayOfWeek>(), DailyHours.NineToFive, []);
        var schedule = new CheckInSchedule(Partner(CheckInCadence.Cron, new CheckInTiming(Cron: "0 30 2 * * ?")), calendar);

        var times = schedule.Upcoming(Utc(2026, 10, 24, 12), 3).Select(o => o.At).ToList();

        Assert.Equal([Utc(2026, 10, 25, 0, 30), Utc(2026, 10, 26, 1, 30), Utc(2026, 10, 27, 1, 30)], times);
    }

    [Fact]
    public void Weekly_check_ins_keep_local_time_across_both_DST_changes_in_the_southern_hemisphere()
    {
        // Sydney: DST ends 5 April 2026 (UTC+11 → +10) and starts 4 October 2026 (+10 → +11).
        var schedule = Schedule(CheckInCadence.Weekly, new CheckInTiming(DayOfWeek.Monday, Time: new TimeOnly(9, 0)), "Australia/Sydney");

        Assert.Equal([Utc(2026, 3, 29, 22), Utc(2026, 4, 5, 23)], schedule.Upcoming(Utc(2026, 3, 28), 2).Select(o => o.At));
        Assert.Equal([Utc(2026, 9, 27, 23), Utc(2026, 10, 4, 22)], schedule.Upcoming(Utc(2026, 9, 26), 2).Select(o => o.At));
    }

    [Fact]
    public void A_cron_check_in_on_a_holiday_moves_to_the_next_working_day()
    {
        var schedule = Schedule(CheckInCadence.Cron, new CheckInTiming(Cron: "0 0 11 ? * FRI"), "Europe/Berlin", new DateOnly(2026, 12, 25));
        Assert.Equal(new DateTime(2026, 12, 28, 11, 0, 0), schedule.NextAfter(Utc(2026, 12, 19))!.Local);
    }

    [Fact]
    public void No_cadence_means_no_check_in_and_a_stale_slot_is_not_an_occurrence()
    {
        Assert.Null(Schedule(CheckInCadence.None).NextAfter(Utc(2026, 12, 1)));
        var weekly = Schedule(CheckInCadence.Weekly, new CheckInTiming(DayOfWeek.Tuesday));
        Assert.NotNull(weekly.OccurrenceOf(new DateTime(2026, 12, 8, 10, 0, 0)));
        Assert.Null(weekly.OccurrenceOf(new DateTime(2026, 12, 9, 10, 0, 0)));
    }

    [Fact]
    public void The_signature_changes_with_timing_and_holidays_only()
    {
        var a = Schedule(CheckInCadence.Weekly, new CheckInTiming(DayOfWeek.Tuesday)).Signature;
        Assert.Equal(a, Schedule(CheckInCadence.Weekly, new CheckInTiming(DayOfWeek.Tuesday)).Signature);
        Assert.NotEqual(a, Schedule(CheckInCadence.Weekly, new CheckInTiming(DayOfWeek.Wednesday)).Signature);
        Assert.NotEqual(a, Schedule(CheckInCadence.Weekly, new CheckInTiming(DayOfWeek.Tuesday), "Europe/Berlin", new DateOnly(2026, 12, 24)).Signature);
    }
}
