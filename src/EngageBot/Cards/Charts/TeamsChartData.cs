using System.Text.Json.Nodes;

namespace EngageBot.Cards.Charts;

/// <summary>
/// A <see cref="ChartSpec"/> as the <c>data</c> of Teams' chart elements (msteams-docs, charts-in-adaptive-cards):
/// Chart.Line takes series <c>{legend, values: [{x, y}]}</c>, Chart.Donut slices <c>{legend, value}</c>, the bar charts
/// points <c>{x, y}</c> (first series). Points without a value (NaN) are left out, so a week with nothing to measure shows
/// as a gap rather than a zero. <see cref="Rows"/> is the same numbers as table rows for the chart's fallback.
/// </summary>
public static class TeamsChartData
{
    public static JsonArray Data(ChartSpec chart) => chart.Kind switch
    {
        ChartKind.Line => new JsonArray(chart.Series.Select(s => (JsonNode)new JsonObject
        {
            ["legend"] = s.Name,
            ["values"] = new JsonArray(Points(chart, s).Select(p => (JsonNode)new JsonObject { ["x"] = p.Label, ["y"] = p.Value }).ToArray()),
        }).ToArray()),
        ChartKind.Donut => new JsonArray(Points(chart, chart.Series[0]).Select(p => (JsonNode)new JsonObject { ["legend"] = p.Label, ["value"] = p.Value }).ToArray()),
        _ => new JsonArray(Points(chart, chart.Series[0]).Select(p => (JsonNode)new JsonObject { ["x"] = p.Label, ["y"] = p.Value }).ToArray()),
    };

    /// <summary>One row per label: the label, then each series' value formatted with the chart's format ("–" for none).</summary>
    public static JsonArray Rows(ChartSpec chart) => new(chart.Labels.Select((label, i) => (JsonNode)new JsonObject
    {
        ["label"] = label,
        ["values"] = new JsonArray(chart.Series.Select(s => (JsonNode)Format(chart, s.Values[i])).ToArray()),
        ["text"] = string.Join(" · ", chart.Series.Select(s => chart.Series.Count == 1 ? Format(chart, s.Values[i]) : $"{s.Name} {Format(chart, s.Values[i])}")),
    }).ToArray());

    public static string Format(ChartSpec chart, double value) =>
        double.IsNaN(value) ? "–" : ChartValueFormat.Format(value, chart.ValueFormat);

    private static IEnumerable<(string Label, double Value)> Points(ChartSpec chart, ChartSeries series) =>
        chart.Labels.Select((label, i) => (label, series.Values[i])).Where(p => !double.IsNaN(p.Item2))
            .Select(p => (p.label, Math.Round(p.Item2, 4)));
}
