using System.Globalization;
using System.Text.Json.Nodes;
using EngageBot.Cards;
using EngageBot.Cards.Charts;
using EngageBot.Features.ChurnRisk.Detection;
using EngageBot.Features.Digests.Figures;
using static EngageBot.Features.Digests.Cards.DigestFormat;

namespace EngageBot.Features.Digests.Cards;

/// <summary>
/// A digest as the data of cards/executive-digest.json. Every number is pre-formatted here (with its change from the
/// previous week), so the template only places text and Teams and Slack show the same words.
/// </summary>
public static class DigestCardData
{
    public const int MaxAttentionReason = 140;
    public const int MaxNewPartnersNamed = 5;

    public static JsonObject For(Digest digest, IReadOnlyList<ChartSpec> charts)
    {
        var (now, before) = (digest.Current, digest.Previous);
        var zone = TimeZoneInfo.FindSystemTimeZoneById(digest.TimeZone);
        var firstDay = digest.Week.Monday;
        return new JsonObject
        {
            ["title"] = $"Partner digest, week {digest.Week}",
            ["subtitle"] = $"{Capitalised(digest.Scope)} · {firstDay.ToString("d MMM", CultureInfo.InvariantCulture)}–{firstDay.AddDays(6).ToString("d MMM yyyy", CultureInfo.InvariantCulture)} ({zone.Id})",
            ["kpis"] = new JsonArray(
                Kpi("Active partners", $"{now.ActivePartners} of {now.Partners}", Change(now.ActivePartners, before.ActivePartners)),
                Kpi("First response in SLA", Percent(now.FirstResponseSla.Rate), PointsChange(now.FirstResponseSla.Rate, before.FirstResponseSla.Rate)),
                Kpi("Median first response", Hours(now.MedianFirstResponseHours), HoursChange(now.MedianFirstResponseHours, before.MedianFirstResponseHours))),
            ["facts"] = new JsonArray(Facts(now, before).Select(f => (JsonNode)new JsonObject { ["title"] = f.Title, ["value"] = f.Value }).ToArray()),
            ["slaChart"] = Chart(charts, DigestCharts.SlaTrend),
            ["riskChart"] = Chart(charts, DigestCharts.RisksBySeverity),
            ["feedbackChart"] = Chart(charts, DigestCharts.FeedbackCategories),
            ["hasFeedbackChart"] = charts.Any(c => c.Id == DigestCharts.FeedbackCategories),
            ["quotes"] = new JsonArray(now.LowRatingQuotes.Select(q => (JsonNode)new JsonObject
            {
                ["text"] = $"“{q.Text}” — {q.PartnerName}, rated {q.Rating}/5",
            }).ToArray()),
            ["hasQuotes"] = now.LowRatingQuotes.Count > 0,
            ["attention"] = new JsonArray(digest.Attention.Select(a => (JsonNode)new JsonObject
            {
                ["name"] = CardText.Truncate(a.Health.PartnerName, 80),
                ["reason"] = CardText.Truncate(a.Health.Reason, MaxAttentionReason),
                ["score"] = a.Change is { } c ? $"{a.Health.Score} ({Change(c, 0)})" : a.Health.Score.ToString(CultureInfo.InvariantCulture),
            }).ToArray()),
            ["hasAttention"] = digest.Attention.Count > 0,
            ["newPartners"] = NewPartners(now.NewPartners),
            ["hasNewPartners"] = now.NewPartners.Count > 0,
            ["footnote"] = "Counted from the interaction log and the ticket, risk, feedback and check-in records. SLA times are business hours on each partner's calendar; changes compare with the week before.",
        };
    }

    public static IEnumerable<(string Title, string Value)> Facts(WeekFigures now, WeekFigures before)
    {
        yield return ("Passive partners", $"{now.PassivePartners} ({Change(now.PassivePartners, before.PassivePartners)})");
        yield return ("New partners", $"{now.NewPartners.Count} ({Change(now.NewPartners.Count, before.NewPartners.Count)})");
        yield return ("Tickets opened", $"{now.TicketsOpened} ({Change(now.TicketsOpened, before.TicketsOpened)})");
        yield return ("Tickets resolved", $"{now.TicketsResolved} ({Change(now.TicketsResolved, before.TicketsResolved)})");
        yield return ("First response in SLA", $"{Percent(now.FirstResponseSla.Rate)} of {now.FirstResponseSla.Decided} ({PointsChange(now.FirstResponseSla.Rate, before.FirstResponseSla.Rate)})");
        yield return ("Resolution in SLA", $"{Percent(now.ResolutionSla.Rate)} of {now.ResolutionSla.Decided} ({PointsChange(now.ResolutionSla.Rate, before.ResolutionSla.Rate)})");
        yield return ("First response, median / p90", $"{Hours(now.MedianFirstResponseHours)} / {Hours(now.P90FirstResponseHours)} ({HoursChange(now.MedianFirstResponseHours, before.MedianFirstResponseHours)} / {HoursChange(now.P90FirstResponseHours, before.P90FirstResponseHours)})");
        yield return ("New churn risks", $"{Severities(now.NewRisks)} ({Change(now.NewRisks.Values.Sum(), before.NewRisks.Values.Sum())})");
        yield return ("Open churn risks", $"{Severities(now.OpenRisks)} ({Change(now.OpenRisks.Values.Sum(), before.OpenRisks.Values.Sum())})");
        yield return ("Unacknowledged risks", $"{now.UnacknowledgedRisks} ({Change(now.UnacknowledgedRisks, before.UnacknowledgedRisks)})");
        yield return ("Risk outcomes", $"{now.RisksSaved} saved, {now.RisksLost} lost (last week {before.RisksSaved} saved, {before.RisksLost} lost)");
        yield return ("Feedback", $"{now.FeedbackCount}, average rating {Rating(now.AverageRating)} ({Change(now.FeedbackCount, before.FeedbackCount)}; rating {RatingChange(now.AverageRating, before.AverageRating)})");
        yield return ("Top feedback categories", now.TopCategories.Count == 0 ? "–" : string.Join(", ", now.TopCategories.Select(c => $"{c.Category} {c.Count}")));
        yield return ("Check-ins answered", $"{Percent(now.CheckInResponseRate)} of {now.CheckInsPosted} ({PointsChange(now.CheckInResponseRate, before.CheckInResponseRate)})");
    }

    private static JsonObject Kpi(string label, string value, string change) => new() { ["label"] = label, ["value"] = value, ["change"] = $"{change} vs last week" };

    private static JsonObject Chart(IReadOnlyList<ChartSpec> charts, string id) => charts.FirstOrDefault(c => c.Id == id) is { } chart
        ? new JsonObject { ["title"] = chart.Title, ["data"] = TeamsChartData.Data(chart), ["rows"] = TeamsChartData.Rows(chart), ["series"] = new JsonArray(chart.Series.Select(s => (JsonNode)s.Name).ToArray()) }
        : new JsonObject { ["title"] = "", ["data"] = new JsonArray(), ["rows"] = new JsonArray(), ["series"] = new JsonArray() };

    private static string Severities(IReadOnlyDictionary<ChurnSeverity, int> counts)
    {
        var total = counts.Values.Sum();
        if (total == 0) return "0";
        return $"{total}: " + string.Join(", ", new[] { ChurnSeverity.High, ChurnSeverity.Medium, ChurnSeverity.Low }
            .Where(s => counts.GetValueOrDefault(s) > 0).Select(s => $"{counts[s]} {s.ToString().ToLowerInvariant()}"));
    }

    // A large portfolio can onboard dozens in a week: name a few, count the rest, so the card stays within Teams' size.
    private static string NewPartners(IReadOnlyList<NewPartner> partners)
    {
        var named = string.Join(", ", partners.Take(MaxNewPartnersNamed).Select(n => $"{CardText.Truncate(n.Name, 60)} ({Onboarding(n.State)})"));
        return partners.Count > MaxNewPartnersNamed ? $"{named} and {partners.Count - MaxNewPartnersNamed} more" : named;
    }

    private static string Onboarding(OnboardingState state) => state switch
    {
        OnboardingState.NoChannel => "no shared channel yet",
        OnboardingState.Quiet => "channel linked, no activity yet",
        _ => "active",
    };

    private static string Capitalised(string text) => text.Length == 0 ? text : char.ToUpperInvariant(text[0]) + text[1..];
}
