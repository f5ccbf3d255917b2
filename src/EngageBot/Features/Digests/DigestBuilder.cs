using EngageBot.Features.Digests.Figures;
using EngageBot.Features.Digests.Health;
using EngageBot.Features.Digests.Loading;
using EngageBot.Features.Directory;
using EngageBot.Features.Directory.Model;
using EngageBot.Features.Feedback;
using Microsoft.Extensions.Options;

namespace EngageBot.Features.Digests;

/// <summary>Builds a digest for a set of partners and a week, from the records alone (see <see cref="WeekFiguresCalculator"/>).</summary>
public sealed class DigestBuilder(
    IPartnerDirectory directory,
    DigestFactsLoader loader,
    IOptions<DigestOptions> options,
    IOptions<FeedbackOptions> feedbackOptions,
    TimeProvider time)
{
    public const int AttentionCount = 5;

    public async Task<Digest> BuildAsync(IReadOnlyList<Partner> partners, IsoWeek week, TimeZoneInfo zone, string scope, CancellationToken ct)
    {
        var period = new DigestPeriod(week, zone);
        var facts = await loader.LoadAsync(await directory.GetSnapshotAsync(ct), partners, period, ct);
        return Build(facts, period, scope, time.GetUtcNow(), feedbackOptions.Value.LowRatingThreshold, options.Value.LowRatingQuotes);
    }

    /// <summary>The pure part: figures and health from loaded facts (tests and benchmarks call it directly).</summary>
    public static Digest Build(IReadOnlyList<PartnerFacts> facts, DigestPeriod period, string scope, DateTimeOffset now, int lowRatingThreshold, int quotes)
    {
        var trend = period.ChartWeekList.Select(w => WeekFiguresCalculator.Compute(facts, period, w, lowRatingThreshold, quotes)).ToList();
        var (start, end) = period.Current;
        var asOf = end < now ? end : now;
        var lastWeekAsOf = asOf - TimeSpan.FromDays(7);
        var attention = facts.Where(f => f.Partner.OnboardedOn.ToDateTime(TimeOnly.MinValue) < asOf.UtcDateTime)
            .Select(f => (Facts: f, Health: PartnerHealthCalculator.Compute(f, asOf)))
            .Where(x => x.Health.Score < PartnerHealth.Healthy)
            .OrderBy(x => x.Health.Score).ThenBy(x => x.Facts.Partner.Name, StringComparer.Ordinal)
            .Take(AttentionCount)
            .Select(x => new AttentionItem(x.Health,
                x.Facts.Partner.OnboardedOn.ToDateTime(TimeOnly.MinValue) < lastWeekAsOf.UtcDateTime ? PartnerHealthCalculator.Compute(x.Facts, lastWeekAsOf).Score : null))
            .ToList();
        return new Digest(period.Week, period.Zone.Id, scope, start, end, trend[^1], trend[^2], trend, attention);
    }
}
