namespace EngageBot.Cards.Charts;

/// <summary>
/// A spec's data made safe to draw: one value per label in every series. A missing, NaN or infinite value is NaN:
/// "nothing measured" (a week without tickets has no SLA attainment), drawn as a gap, never as 0.
/// </summary>
internal sealed record ChartData(ChartSpec Spec, IReadOnlyList<string> Labels, IReadOnlyList<ChartSeries> Series)
{
    /// <summary>Something other than zero to draw (an all-zero chart is as empty as no chart).</summary>
    public bool HasValues => Labels.Count > 0 && Series.Any(s => s.Values.Any(v => double.IsFinite(v) && v != 0));

    public string Format(double value) => ChartValueFormat.Format(value, Spec.ValueFormat);

    public static ChartData From(ChartSpec spec)
    {
        var labels = spec.Labels ?? [];
        var series = (spec.Series ?? [])
            .Where(s => s is not null)
            .Select(s => new ChartSeries(s.Name ?? "", Enumerable.Range(0, labels.Count)
                .Select(i => s.Values is { } v && i < v.Count && double.IsFinite(v[i]) ? v[i] : double.NaN).ToArray()))
            .ToArray();
        return new ChartData(spec, labels.Select(l => l ?? "").ToArray(), series);
    }
}
