using EngageBot.Features.Tickets.Policy;
using EngageBot.Features.Tickets.Sla;
using EngageBot.Scheduling.Calendars;

namespace EngageBot.Tests.Scheduling;

public sealed class BusinessHoursCalendarTests
{
    private static readonly TimeOnly Nine = new(9, 0);
    private static readonly TimeOnly Five = new(17, 0);

    private static BusinessHoursCalendar Weekdays(string zone, params DateOnly[] holidays) =>
        new(BusinessCalendarSpec.Weekdays(zone, Nine, Five, holidays));

    private static BusinessHoursCalendar EveryDay(string zone, TimeOnly start, TimeOnly end) =>
        new(new BusinessCalendarSpec(zone, Enum.GetValues<DayOfWeek>().ToHashSet(), start, end, new HashSet<DateOnly>()));

    private static DateTimeOffset Utc(int y, int mo, int d, int h, int mi = 0) => new(y, mo, d, h, mi, 0, TimeSpan.Zero);

    [Fact]
    public void Adding_within_a_day_stays_in_that_day()
    {
        var berlin = Weekdays("Europe/Berlin");
        // Mon 2 Nov 2026 10:00 CET = 09:00Z; +3h → 13:00 CET.
        Assert.Equal(Utc(2026, 11, 2, 12), berlin.Add(Utc(2026, 11, 2, 9), TimeSpan.FromHours(3)));
    }

    [Fact]
    public void Friday_afternoon_plus_two_hours_lands_on_Monday_morning()
    {
        var berlin = Weekdays("Europe/Berlin");
        // Fri 6 Nov 16:00 CET (15:00Z) + 2h → Mon 9 Nov 10:00 CET (09:00Z).
        Assert.Equal(Utc(2026, 11, 9, 9), berlin.Add(Utc(2026, 11, 6, 15), TimeSpan.FromHours(2)));
        Assert.Equal(TimeSpan.FromHours(2), berlin.Between(Utc(2026, 11, 6, 15), Utc(2026, 11, 9, 9)));
    }

    [Fact]
    public void Starting_outside_hours_counts_from_the_next_window()
    {
        var berlin = Weekdays("Europe/Berlin");
        // Saturday noon + 1h → Monday 10:00 CET; Tuesday 06:00 local + 1h → Tuesday 10:00.
        Assert.Equal(Utc(2026, 11, 9, 9), berlin.Add(Utc(2026, 11, 7, 11), TimeSpan.FromHours(1)));
        Assert.Equal(Utc(2026, 11, 10, 9), berlin.Add(Utc(2026, 11, 10, 5), TimeSpan.FromHours(1)));
        Assert.Equal(Utc(2026, 11, 9, 8), berlin.NextBusinessInstant(Utc(2026, 11, 7, 11)));
        Assert.False(berlin.IsBusinessTime(Utc(2026, 11, 7, 11)));
        Assert.True(berlin.IsBusinessTime(Utc(2026, 11, 9, 8)));
    }

    [Fact]
    public void Ending_exactly_at_closing_time_stays_on_that_day()
    {
        var berlin = Weekdays("Europe/Berlin");
        Assert.Equal(Utc(2026, 11, 2, 16), berlin.Add(Utc(2026, 11, 2, 8), TimeSpan.FromHours(8)));
    }

    [Fact]
    public void Holidays_are_skipped_as_whole_days()
    {
        var berlin = Weekdays("Europe/Berlin", new DateOnly(2026, 12, 24), new DateOnly(2026, 12, 25));
        // Wed 23 Dec 16:00 CET + 2h → Mon 28 Dec 10:00 CET: Thu and Fri are holidays, then the weekend.
        Assert.Equal(Utc(2026, 12, 28, 9), berlin.Add(Utc(2026, 12, 23, 15), TimeSpan.FromHours(2)));
        Assert.Equal(TimeSpan.FromHours(2), berlin.Between(Utc(2026, 12, 23, 15), Utc(2026, 12, 28, 9)));
    }

    [Fact]
    public void New_York_weekend_spanning_the_spring_change_keeps_local_hours()
    {
        var newYork = Weekdays("America/New_York");
        // Fri 6 Mar 2026 16:00 EST (21:00Z) + 2h → Mon 9 Mar 10:00 EDT (14:00Z): clocks went forward on Sunday 8 Mar.
        Assert.Equal(Utc(2026, 3, 9, 14), newYork.Add(Utc(2026, 3, 6, 21), TimeSpan.FromHours(2)));
    }

    [Fact]
    public void New_York_fall_back_weekend_keeps_local_hours()
    {
        var newYork = Weekdays("America/New_York");
        // Fri 30 Oct 2026 16:00 EDT (20:00Z) + 2h → Mon 2 Nov 10:00 EST (15:00Z).
        Assert.Equal(Utc(2026, 11, 2, 15), newYork.Add(Utc(2026, 10, 30, 20), TimeSpan.FromHours(2)));
    }

    [Fact]
    public void Sydney_southern_hemisphere_autumn_change_in_April()
    {
        var sydney = Weekdays("Australia/Sydney");
        // Fri 3 Apr 2026 16:00 AEDT (+11, 05:00Z) + 2h → Mon 6 Apr 10:00 AEST (+10, 00:00Z): DST ended Sunday 5 Apr.
        Assert.Equal(Utc(2026, 4, 6, 0), sydney.Add(Utc(2026, 4, 3, 5), TimeSpan.FromHours(2)));
        // And spring forward on Sunday 4 Oct: Fri 2 Oct 16:00 AEST (06:00Z) + 2h → Mon 5 Oct 10:00 AEDT (23:00Z Sun).
        Assert.Equal(Utc(2026, 10, 4, 23), sydney.Add(Utc(2026, 10, 2, 6), TimeSpan.FromHours(2)));
    }

    [Fact]
    public void Kolkata_half_hour_offset()
    {
        var kolkata = Weekdays("Asia/Kolkata");
        // Mon 2 Nov 09:00 IST = 03:30Z; +8h → 17:00 IST = 11:30Z; +9h → Tue 10:00 IST = 04:30Z.
        Assert.Equal(Utc(2026, 11, 2, 11, 30), kolkata.Add(Utc(2026, 11, 2, 3, 30), TimeSpan.FromHours(8)));
        Assert.Equal(Utc(2026, 11, 3, 4, 30), kolkata.Add(Utc(2026, 11, 2, 3, 30), TimeSpan.FromHours(9)));
    }

    [Fact]
    public void Window_across_midnight_spans_the_spring_forward_night_an_hour_shorter()
    {
        var nights = EveryDay("Europe/Berlin", new TimeOnly(22, 0), new TimeOnly(6, 0));
        // Sat 28 Mar 22:00 CET (21:00Z) → Sun 29 Mar 06:00 CEST (04:00Z) is 7 real hours.
        Assert.Equal(TimeSpan.FromHours(7), nights.Between(Utc(2026, 3, 28, 12), Utc(2026, 3, 29, 12)));
        Assert.Equal(Utc(2026, 3, 29, 4), nights.Add(Utc(2026, 3, 28, 21), TimeSpan.FromHours(7)));
        // Mon 23:00 + 2h → Tue 01:00 local (a normal night: 00:00Z).
        Assert.Equal(Utc(2026, 11, 3, 0), nights.Add(Utc(2026, 11, 2, 22), TimeSpan.FromHours(2)));
    }

    [Fact]
    public void Window_across_midnight_spans_the_fall_back_night_an_hour_longer()
    {
        var nights = EveryDay("Europe/Berlin", new TimeOnly(22, 0), new TimeOnly(6, 0));
        // Sat 24 Oct 22:00 CEST (20:00Z) → Sun 25 Oct 06:00 CET (05:00Z) is 9 real hours.
        Assert.Equal(TimeSpan.FromHours(9), nights.Between(Utc(2026, 10, 24, 12), Utc(2026, 10, 25, 12)));
    }

    [Fact]
    public void A_window_starting_in_the_spring_gap_starts_when_the_gap_ends()
    {
        var early = EveryDay("Europe/Berlin", new TimeOnly(2, 30), new TimeOnly(10, 0));
        // 29 Mar 2026: 02:30 does not exist; the window runs 03:00 CEST (01:00Z) to 10:00 CEST (08:00Z).
        var window = early.Window(new DateOnly(2026, 3, 29))!.Value;
        Assert.Equal(Utc(2026, 3, 29, 1), window.Start);
        Assert.Equal(Utc(2026, 3, 29, 8), window.End);
    }

    [Fact]
    public void A_window_starting_in_the_fall_overlap_takes_the_first_occurrence()
    {
        var early = EveryDay("Europe/Berlin", new TimeOnly(2, 30), new TimeOnly(10, 0));
        // 25 Oct 2026: 02:30 happens twice; the window starts at the first (CEST, 00:30Z) and ends 10:00 CET (09:00Z).
        var window = early.Window(new DateOnly(2026, 10, 25))!.Value;
        Assert.Equal(Utc(2026, 10, 25, 0, 30), window.Start);
        Assert.Equal(Utc(2026, 10, 25, 9), window.End);
        Assert.Equal(TimeSpan.FromHours(8.5), window.End - window.Start);
    }

    [Fact]
    public void Weekday_windows_keep_eight_hours_on_DST_weeks()
    {
        var berlin = Weekdays("Europe/Berlin");
        // The week of the spring change (Mon 30 Mar – Fri 3 Apr) and the one before: 40 business hours each.
        Assert.Equal(TimeSpan.FromHours(80), berlin.Between(Utc(2026, 3, 23, 0), Utc(2026, 4, 4, 0)));
    }

    [Fact]
    public void Long_durations_skip_whole_weeks_and_agree_with_day_by_day_counting()
    {
        var berlin = Weekdays("Europe/Berlin", new DateOnly(2026, 4, 3), new DateOnly(2026, 4, 6), new DateOnly(2026, 12, 25));
        var start = Utc(2026, 1, 5, 8); // Mon 5 Jan 09:00 CET
        // 1,000 business hours: 25 weeks of 40h, less two holidays' worth that push the end out by two days.
        var end = berlin.Add(start, TimeSpan.FromHours(1000));
        Assert.Equal(TimeSpan.FromHours(1000), berlin.Between(start, end));
        var dayByDay = TimeSpan.Zero;
        for (var d = new DateOnly(2026, 1, 5); d <= DateOnly.FromDateTime(end.UtcDateTime); d = d.AddDays(1))
            if (berlin.Window(d) is { } w) dayByDay += (w.End < end ? w.End : end) - w.Start;
        Assert.Equal(TimeSpan.FromHours(1000), dayByDay);
    }

    [Theory]
    [InlineData("Europe/Berlin")]
    [InlineData("America/New_York")]
    [InlineData("Australia/Sydney")]
    [InlineData("Asia/Kolkata")]
    public void Adding_then_measuring_gives_back_the_duration_all_year(string zone)
    {
        var calendar = new BusinessHoursCalendar(BusinessCalendarSpec.Weekdays(zone, new TimeOnly(8, 30), new TimeOnly(18, 0),
            new DateOnly(2026, 1, 1), new DateOnly(2026, 5, 1), new DateOnly(2026, 12, 24)));
        var random = new Random(42);
        for (var i = 0; i < 300; i++)
        {
            var from = Utc(2026, 1, 1, 0).AddMinutes(random.Next(0, 365 * 24 * 60));
            var duration = TimeSpan.FromMinutes(random.Next(1, 400 * 60));
            var end = calendar.Add(from, duration);
            Assert.Equal(duration, calendar.Between(from, end));
            Assert.True(calendar.IsBusinessTime(end) || calendar.Window(DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(end, calendar.Zone).DateTime))?.End == end);
        }
    }

    [Fact]
    public void Measuring_backwards_or_adding_nothing_is_zero()
    {
        var berlin = Weekdays("Europe/Berlin");
        Assert.Equal(TimeSpan.Zero, berlin.Between(Utc(2026, 11, 3, 9), Utc(2026, 11, 2, 9)));
        Assert.Equal(Utc(2026, 11, 7, 9), berlin.Add(Utc(2026, 11, 7, 9), TimeSpan.Zero));
    }

    [Fact]
    public void A_calendar_without_working_days_is_rejected()
    {
        Assert.Throws<ArgumentException>(() => new BusinessHoursCalendar(
            new BusinessCalendarSpec("Europe/Berlin", new HashSet<DayOfWeek>(), Nine, Five, new HashSet<DateOnly>())));
    }
}
