using EngageBot.Channels;
using EngageBot.Features.ChurnRisk.Detection;
using EngageBot.Features.Digests;
using EngageBot.Features.Digests.Loading;
using EngageBot.Features.Directory.Model;
using EngageBot.Features.Feedback;
using EngageBot.Features.Tickets.Lifecycle;
using EngageBot.Scheduling.Calendars;
using RiskRecord = EngageBot.Features.ChurnRisk.Escalation.ChurnRisk;

namespace EngageBot.Tests.Digests;

/// <summary>Partners, records and loaded facts built in memory, for card and size tests that need no store.</summary>
internal static class DigestFixtures
{
    public static readonly BusinessHoursCalendar Utc9To5 = new(BusinessCalendarSpec.Weekdays("UTC", new TimeOnly(9, 0), new TimeOnly(17, 0)));

    public static Partner Partner(string id, string name, DateOnly onboarded, string owner = "olivia.owner", string? sponsor = null, bool channel = true) =>
        new(id, name, "gold", "UTC", onboarded, owner, null, sponsor, CheckInCadence.Weekly, TicketMode.QuestionsOnly, null,
            channel ? new PlatformLink(["C" + id.ToUpperInvariant()], [], null) : PlatformLink.None, PlatformLink.None, []);

    public static Ticket Ticket(string id, string partnerId, DateTimeOffset opened, DateTimeOffset? firstResponse, DateTimeOffset? resolved)
    {
        var ticket = new Ticket
        {
            Id = id, PartnerId = partnerId, Platform = ChatPlatform.Slack, ChannelId = "C1", RootMessageId = id, OpenedBy = new TicketParty("U1", "Pat"), OpenedAt = opened,
            FirstResponseAt = firstResponse, ResolvedAt = resolved,
            Status = resolved is not null ? TicketStatus.Resolved : firstResponse is not null ? TicketStatus.Responded : TicketStatus.Open,
        };
        ticket.FirstResponse.Target = TimeSpan.FromHours(2);
        ticket.Resolution.Target = TimeSpan.FromHours(16);
        return ticket;
    }

    public static RiskRecord Risk(string id, string partnerId, ChurnSeverity severity, DateTimeOffset opened) => new()
    {
        Id = id, PartnerId = partnerId, Kind = ChurnKind.Partner, Severity = severity, OwnerId = "olivia.owner", OpenedAt = opened, LastSignalAt = opened,
    };

    public static FeedbackEntry Feedback(string partnerId, int rating, string text, DateTimeOffset at, FeedbackCategory? category = null) =>
        new(FeedbackEntry.IdFor(partnerId, FeedbackSource.TicketRating, at.ToString("O")), partnerId, FeedbackSource.TicketRating, at.ToString("O"), rating, category, text,
            null, null, at);

    /// <summary>
    /// A big portfolio's digest for 2026-W47 (UTC) at its worst for the card: every partner new, active and in trouble, the
    /// longest names, low ratings with long texts, every feedback category.
    /// </summary>
    public static Digest Large(int partners, int quotes = 10)
    {
        var week = new IsoWeek(2026, 47);
        var period = new DigestPeriod(week, TimeZoneInfo.Utc);
        var (start, _) = period.Current;
        var facts = Enumerable.Range(0, partners).Select(i =>
        {
            var id = $"partner-{i:D4}";
            var partner = Partner(id, $"Partner company with a rather long registered name number {i:D4} Limited", week.Monday);
            var opened = start.AddHours(9 + i % 8);
            return new PartnerFacts(partner, Utc9To5, true, [opened],
                [Ticket($"T-{i}", id, opened, opened.AddHours(3), null)],
                [Risk($"R-{i}", id, (ChurnSeverity)(i % 3), opened)],
                [Feedback(id, 1, new string('x', 400), opened.AddMinutes(1), (FeedbackCategory)(i % 5))],
                []);
        }).ToList();
        return DigestBuilder.Build(facts, period, "all partners", start.AddDays(7), lowRatingThreshold: 2, quotes);
    }
}
