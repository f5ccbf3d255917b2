using EngageBot.Features.ChurnRisk.Detection;
using EngageBot.Features.ChurnRisk.Escalation;
using EngageBot.Features.CheckIns.Answers;
using EngageBot.Features.Digests.Loading;
using EngageBot.Features.Feedback;

namespace EngageBot.Features.Digests.Figures;

/// <summary>
/// One week's figures from the loaded records, nothing else: no counter is kept anywhere, so a figure can always be
/// recomputed from the log and the records. States "at the end of the week" (open risks) are read from the records'
/// timestamps, so a past week gives the same figures today as it did then.
/// </summary>
public static class WeekFiguresCalculator
{
    public const int TopCategoryCount = 3;
    public const int QuoteLength = 200;

    public static WeekFigures Compute(IReadOnlyList<PartnerFacts> partners, DigestPeriod period, IsoWeek week, int lowRatingThreshold, int maxQuotes)
    {
        var (start, end) = period.Range(week);
        var lastDay = DateOnly.FromDateTime(Scheduling.Calendars.ZoneTimes.ToLocal(period.Zone, end)).AddDays(-1);
        var inScope = partners.Where(p => p.Partner.OnboardedOn <= lastDay).ToList();
        var tickets = inScope.SelectMany(p => p.Tickets.Select(t => new TicketSlaFacts(t, p.Calendar))).ToList();
        var risks = inScope.SelectMany(p => p.Risks).ToList();
        var feedback = inScope.SelectMany(p => p.Feedback.Where(f => f.CreatedAt >= start && f.CreatedAt < end).Select(f => (p.Partner, Entry: f))).ToList();
        var checkIns = inScope.SelectMany(p => p.CheckIns).Where(c => c.PostedAt >= start && c.PostedAt < end).ToList();
        var firstResponses = tickets.Select(t => t.FirstResponseOutcome(end)).Where(o => o is { } x && x.At >= start).Select(o => o!.Value).ToList();
        var resolutions = tickets.Select(t => t.ResolutionOutcome(end)).Where(o => o is { } x && x.At >= start).Select(o => o!.Value).ToList();
        var responseHours = tickets.Where(t => t.Ticket.FirstResponseAt is { } a && a >= start && a < end)
            .Select(t => t.FirstResponseBusinessTime!.Value.TotalHours).Order().ToList();
        var resolvedInWeek = risks.Where(r => ResolvedAt(r) is { } at && at >= start && at < end).ToList();
        var rated = feedback.Where(f => f.Entry.Rating is not null).ToList();

        return new WeekFigures
        {
            Week = week,
            Partners = inScope.Count,
            ActivePartners = inScope.Count(p => p.PartnerSpokeIn(start, end)),
            NewPartners = inScope.Where(p => p.Partner.OnboardedOn >= week.Monday && p.Partner.OnboardedOn <= lastDay)
                .Select(p => new NewPartner(p.Partner.Id, p.Partner.Name, !p.HasChannel ? OnboardingState.NoChannel
                    : p.PartnerMessagesIn(DateTimeOffset.MinValue, end) > 0 ? OnboardingState.Active : OnboardingState.Quiet))
                .OrderBy(n => n.Name, StringComparer.Ordinal).ToList(),
            TicketsOpened = tickets.Count(t => t.Ticket.OpenedAt >= start && t.Ticket.OpenedAt < end),
            TicketsResolved = tickets.Count(t => t.Ticket.ResolvedAt is { } r && r >= start && r < end),
            FirstResponseSla = new Attainment(firstResponses.Count(o => o.Met), firstResponses.Count),
            ResolutionSla = new Attainment(resolutions.Count(o => o.Met), resolutions.Count),
            MedianFirstResponseHours = Percentile(responseHours, 0.5),
            P90FirstResponseHours = Percentile(responseHours, 0.9),
            NewRisks = BySeverity(risks.Where(r => r.OpenedAt >= start && r.OpenedAt < end)),
            OpenRisks = BySeverity(risks.Where(r => IsOpenAt(r, end))),
            UnacknowledgedRisks = risks.Count(r => IsOpenAt(r, end) && !(r.AcknowledgedAt is { } a && a < end) && !(r.AcknowledgedAt is null && r.Status == RiskStatus.Acknowledged)),
            RisksSaved = resolvedInWeek.Count(r => r.Outcome == RiskOutcome.Saved),
            RisksLost = resolvedInWeek.Count(r => r.Outcome == RiskOutcome.Lost),
            FeedbackCount = feedback.Count,
            RatingCount = rated.Count,
            AverageRating = rated.Count == 0 ? null : rated.Average(f => (double)f.Entry.Rating!.Value),
            TopCategories = feedback.Where(f => f.Entry.Category is not null).GroupBy(f => f.Entry.Category!.Value)
                .Select(g => new CategoryCount(g.Key, g.Count())).OrderByDescending(x => x.Count).ThenBy(x => x.Category).Take(TopCategoryCount).ToList(),
            LowRatingQuotes = lowRatingThreshold <= 0 ? [] : rated
                .Where(f => f.Entry.Rating <= lowRatingThreshold)
                .Select(f => (f.Entry, f.Partner, Words: QuotableWords(f.Entry)))
                .Where(f => f.Words.Length > 0)
                .OrderBy(f => f.Entry.Rating).ThenByDescending(f => f.Entry.CreatedAt).Take(maxQuotes)
                .Select(f => new LowRatingQuote(f.Partner.Name, f.Entry.Rating!.Value, Shorten(f.Words))).ToList(),
            CheckInsPosted = checkIns.Count,
            CheckInsAnswered = checkIns.Count(c => c.IsAnswered),
        };
    }

    /// <summary>Nearest-rank percentile of sorted values (null when empty): the smallest value with at least p of the values at or below it.</summary>
    public static double? Percentile(IReadOnlyList<double> sorted, double p) =>
        sorted.Count == 0 ? null : sorted[Math.Max(0, (int)Math.Ceiling(p * sorted.Count) - 1)];

    /// <summary>Open at <paramref name="at"/>: opened before it and not resolved by then.</summary>
    public static bool IsOpenAt(ChurnRisk.Escalation.ChurnRisk risk, DateTimeOffset at) =>
        risk.OpenedAt < at && !(ResolvedAt(risk) is { } resolved && resolved < at);

    // Risks resolved before ResolvedAt was stored: their last signal is the best instant there is.
    private static DateTimeOffset? ResolvedAt(ChurnRisk.Escalation.ChurnRisk risk) =>
        risk.ResolvedAt ?? (risk.Status == RiskStatus.Resolved ? risk.LastSignalAt : null);

    private static Dictionary<ChurnSeverity, int> BySeverity(IEnumerable<ChurnRisk.Escalation.ChurnRisk> risks)
    {
        var counts = Enum.GetValues<ChurnSeverity>().ToDictionary(s => s, _ => 0);
        foreach (var r in risks) counts[r.Severity]++;
        return counts;
    }

    // A check-in answer is stored as labelled lines ("Health (1-5): 2", "Blocking: …"); an executive is shown only what
    // the partner wrote, and an answer with no words of its own is not quoted.
    private static string QuotableWords(FeedbackEntry entry) =>
        (entry.Source == FeedbackSource.CheckInAnswer ? CheckInAnswerText.PartnerWords(entry.Text) : entry.Text).Trim();

    private static string Shorten(string text) => text.Length <= QuoteLength ? text : text[..(QuoteLength - 1)].TrimEnd() + "…";
}
