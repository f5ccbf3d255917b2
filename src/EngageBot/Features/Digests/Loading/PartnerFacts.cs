using EngageBot.Features.CheckIns;
using EngageBot.Features.ChurnRisk.Escalation;
using EngageBot.Features.Directory.Model;
using EngageBot.Features.Feedback;
using EngageBot.Features.Tickets.Lifecycle;
using EngageBot.Scheduling.Calendars;

namespace EngageBot.Features.Digests.Loading;

/// <summary>
/// What the stored records say about one partner over a digest's period: the raw records (tickets, risks, feedback,
/// check-ins) and, from the interaction log, the instants partner-side people did something in their channel (kept as
/// instants, not counts, so any week can be asked about).
/// </summary>
public sealed record PartnerFacts(
    Partner Partner,
    BusinessHoursCalendar Calendar,
    bool HasChannel,
    IReadOnlyList<DateTimeOffset> PartnerMessages,
    IReadOnlyList<Ticket> Tickets,
    IReadOnlyList<ChurnRisk.Escalation.ChurnRisk> Risks,
    IReadOnlyList<FeedbackEntry> Feedback,
    IReadOnlyList<CheckIn> CheckIns)
{
    public bool PartnerSpokeIn(DateTimeOffset start, DateTimeOffset end) => AnyIn(PartnerMessages, start, end);

    public int PartnerMessagesIn(DateTimeOffset start, DateTimeOffset end) => CountIn(PartnerMessages, start, end);

    // The lists are in time order (the log's row keys are), so a binary search finds a range.
    private static bool AnyIn(IReadOnlyList<DateTimeOffset> sorted, DateTimeOffset start, DateTimeOffset end) => CountIn(sorted, start, end) > 0;

    private static int CountIn(IReadOnlyList<DateTimeOffset> sorted, DateTimeOffset start, DateTimeOffset end) =>
        LowerBound(sorted, end) - LowerBound(sorted, start);

    private static int LowerBound(IReadOnlyList<DateTimeOffset> sorted, DateTimeOffset value)
    {
        int lo = 0, hi = sorted.Count;
        while (lo < hi)
        {
            var mid = (lo + hi) / 2;
            if (sorted[mid] < value) lo = mid + 1; else hi = mid;
        }
        return lo;
    }
}
