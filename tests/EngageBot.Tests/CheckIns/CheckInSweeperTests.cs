using EngageBot.Channels;
using EngageBot.Features.CheckIns;
using EngageBot.Features.CheckIns.Schedule;
using Microsoft.Extensions.DependencyInjection;

namespace EngageBot.Tests.CheckIns;

public sealed class CheckInSweeperTests : IDisposable
{
    private readonly CheckInWorld _world = new(new CheckInsOptions { ReminderDelay = TimeSpan.FromHours(16), MissedRunWindow = TimeSpan.FromHours(6) });

    private static DateTime Berlin(int day, int hour, int minute = 0) => new(2026, 12, day, hour, minute, 0);

    [Fact]
    public async Task The_card_is_posted_once_in_each_shared_channel_at_the_partners_local_time()
    {
        await _world.SweepAtAsync(Berlin(7, 10));
        await _world.SweepAtAsync(Berlin(8, 9, 59));
        Assert.Empty(_world.Cards);

        var report = await _world.SweepAtAsync(Berlin(8, 10));
        await _world.SweepAtAsync(Berlin(8, 10, 1));
        await _world.Instance().GetRequiredService<CheckInSweeper>().SweepAsync(CancellationToken.None);

        Assert.Equal(1, report.Posted);
        Assert.Equal([(ChatPlatform.Slack, CheckInWorld.SlackChannel), (ChatPlatform.Teams, CheckInWorld.TeamsChannel)],
            _world.Cards.Select(c => (c.Target.Platform, c.Target.Conversation!.ChannelId)));
        Assert.All(_world.Cards, c => Assert.Equal(DeliveryKind.Post, c.Target.Kind));
        Assert.Equal(2, _world.Outbox.Enqueued.Count(s => s.Key.StartsWith("checkin|", StringComparison.Ordinal)));
        var checkIn = await _world.CheckIns.GetAsync("acme", "ci-acme-20261208T1000");
        Assert.NotNull(checkIn);
        Assert.Contains("ci-acme-20261208T1000", _world.Cards[0].Message.Card!.ToJsonString());
        Assert.Equal(["checkin|2026-12-08T10:00"], await _world.Claims.ClaimedKeysAsync("acme"));
    }

    [Fact]
    public async Task A_holiday_moves_the_check_in_to_the_next_working_day()
    {
        await _world.SweepAtAsync(Berlin(7, 10));
        await _world.SweepAtAsync(Berlin(8, 10)); // posts 8 Dec, schedules the 15th, a holiday
        await _world.SweepAtAsync(Berlin(15, 10));
        Assert.Single(_world.Cards, c => c.Target.Platform == ChatPlatform.Slack);

        await _world.SweepAtAsync(Berlin(16, 10));
        Assert.Contains(_world.Cards, c => c.Key == CheckInPoster.PostKey("ci-acme-20261215T1000", ChatPlatform.Slack));
    }

    [Fact]
    public async Task One_reminder_follows_after_the_delay_counted_in_business_hours()
    {
        await _world.SweepAtAsync(Berlin(7, 10));
        await _world.SweepAtAsync(Berlin(8, 10));
        // 16 business hours after Tuesday 10:00 on a 09:00–17:00 calendar: Thursday 10:00.
        await _world.SweepAtAsync(Berlin(10, 9, 59));
        Assert.Empty(_world.Reminders);

        await _world.SweepAtAsync(Berlin(10, 10));
        await _world.SweepAtAsync(Berlin(10, 11));
        await _world.Instance().GetRequiredService<CheckInSweeper>().SweepAsync(CancellationToken.None);

        Assert.Equal([ChatPlatform.Slack, ChatPlatform.Teams], _world.Reminders.Select(r => r.Target.Platform));
        Assert.NotNull((await _world.CheckIns.GetAsync("acme", "ci-acme-20261208T1000"))!.RemindedAt);
    }

    [Fact]
    public async Task The_reminder_is_a_top_level_channel_message_linking_to_the_card()
    {
        await _world.SweepAtAsync(Berlin(7, 10));
        await _world.SweepAtAsync(Berlin(8, 10));
        _world.Outbox.Deliver("checkin|ci-acme-20261208T1000|Slack", "1796720400.000100");
        await _world.SweepAtAsync(Berlin(10, 10));

        var slack = Assert.Single(_world.Reminders, r => r.Target.Platform == ChatPlatform.Slack);
        Assert.Equal((DeliveryKind.Post, CheckInWorld.SlackChannel, null), (slack.Target.Kind, slack.Target.Conversation!.ChannelId, slack.Target.Conversation.ThreadId));
        Assert.Contains("the check-in for Acme Resellers is still open", slack.Message.Text, StringComparison.Ordinal);
        Assert.EndsWith("https://slack.com/archives/C-ACME/p1796720400000100", slack.Message.Text, StringComparison.Ordinal);
        var teams = Assert.Single(_world.Reminders, r => r.Target.Platform == ChatPlatform.Teams);
        Assert.Null(teams.Target.Conversation!.ThreadId);
        Assert.Contains("the check-in card posted in this channel", teams.Message.Text, StringComparison.Ordinal); // not delivered yet: no link to give
    }

    [Fact]
    public async Task An_answered_check_in_gets_no_reminder()
    {
        await _world.SweepAtAsync(Berlin(7, 10));
        await _world.SweepAtAsync(Berlin(8, 10));
        await _world.AnswerAsync("ci-acme-20261208T1000", CheckInWorld.SlackPartner(), ChatPlatform.Slack);

        await _world.SweepAtAsync(Berlin(10, 12));

        Assert.Empty(_world.Reminders);
    }

    [Fact]
    public async Task A_new_import_reschedules_without_a_restart()
    {
        await _world.SweepAtAsync(Berlin(7, 10));
        await _world.ImportAsync(CheckInWorld.Yaml("{ cadence: weekly, day: thursday, time: \"15:30\" }"));

        var report = await _world.SweepAtAsync(Berlin(8, 10));
        Assert.Equal(1, report.Rescheduled);
        Assert.Empty(_world.Cards);

        await _world.SweepAtAsync(Berlin(10, 15, 30));
        Assert.Contains(_world.Cards, c => c.Key == CheckInPoster.PostKey("ci-acme-20261210T1530", ChatPlatform.Slack));
    }

    [Fact]
    public async Task A_partner_set_to_none_gets_no_more_check_ins()
    {
        await _world.SweepAtAsync(Berlin(7, 10));
        await _world.ImportAsync(CheckInWorld.Yaml("none"));
        await _world.SweepAtAsync(Berlin(8, 10));
        await _world.SweepAtAsync(Berlin(15, 10));
        Assert.Empty(_world.Cards);
        Assert.Null(await _world.Primary.GetRequiredService<CheckInScheduleStore>().GetAsync("acme"));
    }

    [Fact]
    public async Task After_short_downtime_a_missed_check_in_goes_out_once_late()
    {
        await _world.SweepAtAsync(Berlin(7, 10));
        var report = await _world.SweepAtAsync(Berlin(8, 14)); // down from 09:30 to 14:00: four hours late, inside the window

        Assert.Equal(1, report.Posted);
        Assert.Equal(2, _world.Cards.Count);
    }

    [Fact]
    public async Task After_long_downtime_a_missed_check_in_is_skipped_and_the_next_one_still_comes()
    {
        await _world.SweepAtAsync(Berlin(7, 10));
        var report = await _world.SweepAtAsync(Berlin(8, 20)); // ten hours late: outside the six-hour window

        Assert.Equal(1, report.Skipped);
        Assert.Empty(_world.Cards);
        var next = (await _world.Primary.GetRequiredService<CheckInScheduleStore>().GetAsync("acme"))!;
        Assert.Equal(("2026-12-15T10:00", new DateTimeOffset(2026, 12, 16, 9, 0, 0, TimeSpan.Zero)), (next.Slot, next.At)); // the 15th is a holiday
        await _world.SweepAtAsync(Berlin(16, 10));
        Assert.Equal(2, _world.Cards.Count);
    }

    public void Dispose() => _world.Dispose();
}
