using EngageBot.Features.ChurnRisk.Detection;
using EngageBot.Features.ChurnRisk.Escalation;
using EngageBot.Features.Digests.Figures;
using EngageBot.Features.Digests.Loading;

namespace EngageBot.Features.Digests.Health;

/// <summary>
/// The one health-score formula (docs/health-score.md), used by the digest's "needs attention", `partners show` and the
/// manager's daily nudge. Each component scores 0–100 from the stored records in a window ending at the instant asked
/// about; the total is their weighted mean. A component with nothing to judge scores as "no news", not as bad news.
/// </summary>
public static class PartnerHealthCalculator
{
    public static readonly TimeSpan Window = TimeSpan.FromDays(28);
    public static readonly TimeSpan FeedbackWindow = TimeSpan.FromDays(84);
    /// <summary>A check-in posted less than this before the instant may still be answered: it is not judged yet.</summary>
    public static readonly TimeSpan CheckInGrace = TimeSpan.FromDays(2);
    public const int CheckInsJudged = 3;
    public const int NoRatingsScore = 75;

    public static readonly IReadOnlyDictionary<HealthComponentKind, int> Weights = new Dictionary<HealthComponentKind, int>
    {
        [HealthComponentKind.Activity] = 20,
        [HealthComponentKind.Responsiveness] = 20,
        [HealthComponentKind.Sla] = 20,
        [HealthComponentKind.Feedback] = 15,
        [HealthComponentKind.CheckIns] = 10,
        [HealthComponentKind.OpenRisks] = 15,
    };

    public static readonly IReadOnlyDictionary<ChurnSeverity, int> RiskPenalty = new Dictionary<ChurnSeverity, int>
    {
        [ChurnSeverity.High] = 60,
        [ChurnSeverity.Medium] = 35,
        [ChurnSeverity.Low] = 15,
    };

    public static PartnerHealth Compute(PartnerFacts facts, DateTimeOffset asOf)
    {
        HealthComponent[] components =
        [
            Activity(facts, asOf), Responsiveness(facts, asOf), Sla(facts, asOf), Feedback(facts, asOf), CheckIns(facts, asOf), OpenRisks(facts, asOf),
        ];
        var score = (int)Math.Round(components.Sum(c => c.Score * c.Weight) / (double)components.Sum(c => c.Weight), MidpointRounding.AwayFromZero);
        return new PartnerHealth(facts.Partner.Id, facts.Partner.Name, asOf, score, components);
    }

    // Four 7-day spans ending at the instant: 25 points for each in which someone at the partner did something.
    private static HealthComponent Activity(PartnerFacts f, DateTimeOffset asOf)
    {
        var active = Enumerable.Range(0, 4).Count(i => f.PartnerSpokeIn(asOf - TimeSpan.FromDays(7 * (i + 1)), asOf - TimeSpan.FromDays(7 * i)));
        return Component(HealthComponentKind.Activity, active * 25,
            active == 4 ? "active every week" : active == 0 ? "no partner activity in 4 weeks" : $"active {active} of the last 4 weeks");
    }

    // The median of first-response time as a share of its target: half the target or better is 100, twice the target 0.
    private static HealthComponent Responsiveness(PartnerFacts f, DateTimeOffset asOf)
    {
        var ratios = f.Tickets.Where(t => t.FirstResponseAt is { } a && a >= asOf - Window && a < asOf && t.FirstResponse.Target > TimeSpan.Zero)
            .Select(t => new TicketSlaFacts(t, f.Calendar).FirstResponseBusinessTime!.Value / t.FirstResponse.Target).Order().ToList();
        if (ratios.Count == 0) return Component(HealthComponentKind.Responsiveness, 100, "no questions answered in 4 weeks");
        var median = WeekFiguresCalculator.Percentile(ratios, 0.5)!.Value;
        var score = (int)Math.Round(Math.Clamp((2 - median) / 1.5, 0, 1) * 100);
        return Component(HealthComponentKind.Responsiveness, score, $"median first response at {median:P0} of target");
    }

    private static HealthComponent Sla(PartnerFacts f, DateTimeOffset asOf)
    {
        var outcomes = f.Tickets.Select(t => new TicketSlaFacts(t, f.Calendar))
            .SelectMany(t => new[] { t.FirstResponseOutcome(asOf), t.ResolutionOutcome(asOf) })
            .Where(o => o is { } x && x.At >= asOf - Window).Select(o => o!.Value.Met).ToList();
        if (outcomes.Count == 0) return Component(HealthComponentKind.Sla, 100, "no SLA due in 4 weeks");
        var met = outcomes.Count(m => m);
        return Component(HealthComponentKind.Sla, (int)Math.Round(100.0 * met / outcomes.Count), $"SLA met {met} of {outcomes.Count} in 4 weeks");
    }

    // Average rating of the last 12 weeks on a 1–5 scale: 1 is 0, 5 is 100.
    private static HealthComponent Feedback(PartnerFacts f, DateTimeOffset asOf)
    {
        var ratings = f.Feedback.Where(e => e.Rating is not null && e.CreatedAt >= asOf - FeedbackWindow && e.CreatedAt < asOf).Select(e => e.Rating!.Value).ToList();
        if (ratings.Count == 0) return Component(HealthComponentKind.Feedback, NoRatingsScore, "no ratings in 12 weeks");
        var average = ratings.Average();
        return Component(HealthComponentKind.Feedback, (int)Math.Round((average - 1) / 4 * 100), $"average rating {average:0.0} of 5 ({ratings.Count})");
    }

    private static HealthComponent CheckIns(PartnerFacts f, DateTimeOffset asOf)
    {
        var judged = f.CheckIns.Where(c => c.PostedAt < asOf - CheckInGrace).OrderByDescending(c => c.PostedAt).Take(CheckInsJudged).ToList();
        if (judged.Count == 0) return Component(HealthComponentKind.CheckIns, 100, "no check-ins due");
        var answered = judged.Count(c => c.Answers.Any(a => a.At < asOf));
        return Component(HealthComponentKind.CheckIns, (int)Math.Round(100.0 * answered / judged.Count),
            answered == judged.Count ? "answered every recent check-in" : $"answered {answered} of the last {judged.Count} check-ins");
    }

    private static HealthComponent OpenRisks(PartnerFacts f, DateTimeOffset asOf)
    {
        var open = f.Risks.Where(r => WeekFiguresCalculator.IsOpenAt(r, asOf)).ToList();
        if (open.Count == 0) return Component(HealthComponentKind.OpenRisks, 100, "no open churn risk");
        var worst = open.MaxBy(r => r.Severity)!;
        var unacknowledged = open.Count(r => r.Status == RiskStatus.Open && !(r.AcknowledgedAt is { } a && a < asOf));
        var detail = $"{open.Count} open churn risk{(open.Count == 1 ? "" : "s")}, worst {worst.Severity.ToString().ToLowerInvariant()}"
            + (unacknowledged > 0 ? $" ({unacknowledged} unacknowledged)" : "");
        return Component(HealthComponentKind.OpenRisks, Math.Max(0, 100 - open.Sum(r => RiskPenalty[r.Severity])), detail);
    }

    private static HealthComponent Component(HealthComponentKind kind, int score, string detail) => new(kind, score, Weights[kind], detail);
}
