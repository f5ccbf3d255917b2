using System.Text.Json.Nodes;
using EngageBot.Channels;
using EngageBot.Features.CheckIns;
using EngageBot.Features.Nudges;

namespace EngageBot.Tests.Nudges;

public sealed class ManagerNudgeSweeperTests : IDisposable
{
    private readonly NudgeWorld _world = new();

    private static DateTimeOffset Utc(int month, int day, int hour, int minute = 0, int year = 2026) => new(year, month, day, hour, minute, 0, TimeSpan.Zero);

    // Every TextBlock text of the card, in order.
    private static List<string> Lines(RecordingOutbox.Sent nudge) => TextBlocks(nudge.Message.Card!).ToList();

    private static IEnumerable<string> TextBlocks(JsonNode? node) => node switch
    {
        JsonObject { } o when (string?)o["type"] == "TextBlock" => [(string)o["text"]!],
        JsonObject o => o.SelectMany(p => TextBlocks(p.Value)),
        JsonArray a => a.SelectMany(TextBlocks),
        _ => [],
    };

    [Fact]
    public async Task The_nudge_lists_each_partner_with_its_reasons_and_links()
    {
        // acme (gold: 3 business days, 5 days) and beta (silver: 5 business days, 7 days) last heard from on the same days.
        foreach (var (partner, channel) in new[] { ("acme", NudgeWorld.AcmeChannel), ("beta", NudgeWorld.BetaChannel) })
        {
            await _world.SayAsync(partner, channel, AuthorKind.Partner, Utc(12, 1, 9));
            await _world.SayAsync(partner, channel, AuthorKind.Internal, Utc(11, 30, 10));
        }
        // beta: a check-in still unanswered after its reminder, and a ticket past its first-response target.
        var checkIn = new CheckIn("ci-beta-20261201T1000", "beta", "2026-12-01T10:00", Utc(12, 1, 9), Utc(12, 1, 9),
            [new CheckInPost(ChatPlatform.Slack, NudgeWorld.BetaChannel, CheckInPoster.PostKey("ci-beta-20261201T1000", ChatPlatform.Slack))], [], RemindedAt: Utc(12, 3, 9));
        await _world.CreateCheckInAsync(checkIn);
        await _world.Outbox.EnqueueAsync(checkIn.Posts[0].OutboxKey, DeliveryTarget.Post(new ConversationRef(ChatPlatform.Slack, NudgeWorld.BetaChannel)), new OutboundMessage("card"));
        _world.Outbox.Deliver(checkIn.Posts[0].OutboxKey, "1796119200.000100");
        await _world.OpenTicketAsync("TKT-NUDGE1", "beta", NudgeWorld.BetaChannel, Utc(12, 4, 9), "Where is the price list for Q1?");

        await _world.SweepAtAsync(Utc(12, 6, 12));
        await _world.SweepAtAsync(Utc(12, 7, 8)); // Monday 09:00 in Berlin
        await _world.SweepAtAsync(Utc(12, 7, 13, 30)); // Monday 08:30 in New York

        var olivia = Assert.Single(_world.Nudges, n => n.Key == "daily-nudge|olivia|2026-12-07");
        Assert.Equal(DeliveryTarget.Direct(ChatPlatform.Slack, "U-OLIVIA"), olivia.Target);
        Assert.Equal("2 of your partners need you today: Acme Resellers, Beta Partners", olivia.Message.Text);
        Assert.Equal([
            "Your partner nudges",
            "Olivia Owner, 2 of your partners need you today (Monday 7 December).",
            "[Acme Resellers](https://slack.com/archives/C-ACME)",
            "• No message from Acme Resellers for 3+ business days ([channel](https://slack.com/archives/C-ACME))",
            "• Nobody on our side has written in their channel for 5+ days ([channel](https://slack.com/archives/C-ACME))",
            "[Beta Partners](https://slack.com/archives/C-BETA)",
            "• Check-in of 1 December not answered, even after the reminder ([the card](https://slack.com/archives/C-BETA/p1796119200000100))",
            "• Ticket overdue by 2d 21h: Where is the price list for Q1? ([TKT-NUDGE1](https://slack.com/archives/C-BETA/p1796550000000100))",
        ], Lines(olivia));

        var noah = Assert.Single(_world.Nudges, n => n.Key == "daily-nudge|noah|2026-12-07");
        Assert.Equal(DeliveryTarget.Direct(ChatPlatform.Teams, "0a000000-0000-4000-8000-000000000002"), noah.Target);
        Assert.Contains("• Onboarded 17 days ago: no check-in answered and no ticket yet ([channel](https://teams.microsoft.com/l/channel/19%3Anova%40thread.tacv2/channel))", Lines(noah));
    }

    [Fact]
    public async Task A_new_partner_whose_only_ticket_is_closed_is_no_onboarding_cliff()
    {
        // nova, onboarded 20 November, asked one question that was answered and closed: it did engage.
        await _world.OpenTicketAsync("TKT-NOVA1", "nova", "19:nova@thread.tacv2", Utc(11, 24, 15), "How do we register a deal?");
        await _world.CloseTicketAsync("TKT-NOVA1", Utc(11, 25, 15));

        await _world.SweepAtAsync(Utc(12, 6, 12));
        await _world.SweepAtAsync(Utc(12, 7, 13, 30)); // Monday 08:30 in New York

        // Still nudged for its silence, but not as an onboarding cliff.
        var noah = Assert.Single(_world.Nudges, n => n.Key == "daily-nudge|noah|2026-12-07");
        Assert.Contains(Lines(noah), l => l.StartsWith("• No message from Nova Systems", StringComparison.Ordinal));
        Assert.DoesNotContain(Lines(noah), l => l.Contains("Onboarded", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Owners_are_nudged_at_the_start_of_their_own_working_days_across_a_DST_change()
    {
        // New York moves to daylight time on Sunday 14 March 2027; Berlin stays on CET until the 28th.
        using var world = new NudgeWorld(start: Utc(3, 11, 15, year: 2027));
        var sent = new List<(string Key, DateTimeOffset At)>();
        for (var at = world.Clock.GetUtcNow(); at <= Utc(3, 15, 14, year: 2027); at += TimeSpan.FromMinutes(30))
        {
            await world.SweepAtAsync(at);
            sent.AddRange(world.Nudges.Select(n => n.Key).Except(sent.Select(s => s.Key)).Select(k => (k, at)).ToList());
        }

        Assert.Equal([
            ("daily-nudge|olivia|2027-03-12", Utc(3, 12, 8, year: 2027)),      // Friday 09:00 CET
            ("daily-nudge|noah|2027-03-12", Utc(3, 12, 13, 30, year: 2027)),   // Friday 08:30 EST
            ("daily-nudge|olivia|2027-03-15", Utc(3, 15, 8, year: 2027)),      // Monday 09:00 CET; nothing on the weekend
            ("daily-nudge|noah|2027-03-15", Utc(3, 15, 12, 30, year: 2027)),   // Monday 08:30 EDT
        ], sent);
    }

    [Fact]
    public async Task A_day_with_nothing_to_say_sends_no_DM()
    {
        foreach (var (partner, channel) in new[] { ("acme", NudgeWorld.AcmeChannel), ("beta", NudgeWorld.BetaChannel) })
        {
            await _world.SayAsync(partner, channel, AuthorKind.Partner, Utc(12, 4, 9));
            await _world.SayAsync(partner, channel, AuthorKind.Internal, Utc(12, 4, 10));
        }

        await _world.SweepAtAsync(Utc(12, 6, 12));
        var report = await _world.SweepAtAsync(Utc(12, 7, 8));

        Assert.Equal(1, report.Empty);
        Assert.Empty(_world.Nudges);
        Assert.Equal(["daily-nudge|2026-12-07"], await _world.Claims.ClaimedKeysAsync("olivia")); // the day is done: a restart sends nothing
    }

    [Fact]
    public async Task A_new_threshold_takes_effect_with_the_next_import()
    {
        await _world.SayAsync("acme", NudgeWorld.AcmeChannel, AuthorKind.Partner, Utc(12, 1, 9));
        await _world.SayAsync("acme", NudgeWorld.AcmeChannel, AuthorKind.Internal, Utc(12, 4, 9));
        await _world.SayAsync("beta", NudgeWorld.BetaChannel, AuthorKind.Partner, Utc(12, 4, 9));
        await _world.SayAsync("beta", NudgeWorld.BetaChannel, AuthorKind.Internal, Utc(12, 4, 9));
        await _world.SweepAtAsync(Utc(12, 6, 12));
        await _world.ImportAsync(NudgeWorld.Yaml("{ passive_after: 6 }"));

        await _world.SweepAtAsync(Utc(12, 7, 8));

        Assert.Empty(_world.Nudges); // acme's last message (Tuesday) is within 6 business days
    }

    [Fact]
    public async Task After_short_downtime_the_nudge_goes_out_once_late_and_after_long_downtime_it_is_skipped()
    {
        await _world.SweepAtAsync(Utc(12, 6, 12));

        await _world.SweepAtAsync(Utc(12, 7, 10));     // 2 h after olivia's start: within the 4 h window
        await _world.SweepAtAsync(Utc(12, 7, 10, 1));
        var report = await _world.SweepAtAsync(Utc(12, 8, 10)); // noah's Monday (13:30Z) is 20 h past: skipped; olivia's Tuesday 2 h late
        await _world.SweepUntilAsync(Utc(12, 8, 14), TimeSpan.FromMinutes(30));

        Assert.Equal(1, report.Skipped);
        Assert.Equal(["daily-nudge|olivia|2026-12-07", "daily-nudge|olivia|2026-12-08", "daily-nudge|noah|2026-12-08"], _world.Nudges.Select(n => n.Key));
        Assert.Equal(["daily-nudge|2026-12-08"], await _world.Claims.ClaimedKeysAsync("noah"));
    }

    public void Dispose() => _world.Dispose();
}
