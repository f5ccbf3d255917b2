using EngageBot.Cards.Charts;
using EngageBot.Features.ChurnRisk.Detection;

namespace EngageBot.Features.Digests.Cards;

/// <summary>The digest's pictures as data: Teams draws them as chart elements, Slack and `digest preview --png` as PNGs.</summary>
public static class DigestCharts
{
    public const string SlaTrend = "sla-trend";
    public const string RisksBySeverity = "risks-by-severity";
    public const string FeedbackCategories = "feedback-categories";

    // 0.87 → "87%": a custom format's % multiplies by 100 and, unlike "P0", adds no culture-dependent space.
    public const string PercentFormat = "0%";

    public static IReadOnlyList<ChartSpec> For(Digest digest)
    {
        var charts = new List<ChartSpec>
        {
            new(SlaTrend, ChartKind.Line, "SLA attainment, last 8 weeks",
                digest.Trend.Select(w => $"W{w.Week.Week:D2}").ToList(),
                [
                    new ChartSeries("First response", digest.Trend.Select(w => w.FirstResponseSla.Rate ?? double.NaN).ToList()),
                    new ChartSeries("Resolution", digest.Trend.Select(w => w.ResolutionSla.Rate ?? double.NaN).ToList()),
                ],
                PercentFormat),
            new(RisksBySeverity, ChartKind.Donut, "Open churn risks by severity",
                [.. Severities.Select(s => s.ToString())],
                [new ChartSeries("Open risks", Severities.Select(s => (double)digest.Current.OpenRisks.GetValueOrDefault(s)).ToList())],
                "0"),
        };
        if (digest.Current.TopCategories.Count > 0)
        {
            charts.Add(new(FeedbackCategories, ChartKind.VerticalBar, "Feedback by category",
                digest.Current.TopCategories.Select(c => c.Category.ToString()).ToList(),
                [new ChartSeries("Feedback", digest.Current.TopCategories.Select(c => (double)c.Count).ToList())],
                "0"));
        }
        return charts;
    }

    private static readonly ChurnSeverity[] Severities = [ChurnSeverity.High, ChurnSeverity.Medium, ChurnSeverity.Low];
}
