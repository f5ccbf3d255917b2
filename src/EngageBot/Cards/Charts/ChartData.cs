namespace EngageBot.Cards.Charts;

/// <summary>A spec's data made safe to draw: one value per label in every series, NaN and infinities as 0.</summary>
internal sealed record ChartData(ChartSpec Spec, IReadOnlyList<string> Labels, IReadOnlyList<ChartSeries> Series)
{
    /// <summary>Something other than zero to draw (an all-zero chart is as empty as no chart).</summary>
    public bool HasValues => Labels.Count > 0 && Series.Any(s => s.Values.Any(v => v != 0));

    public string Format(double value) => ChartValueFormat.Format(value, Spec.ValueFormat);

    public static ChartData From(ChartSpec spec)
    {
        var labels = spec.Labels ?? [];
        var series = (spec.Series ?? [])
            .Where(s => s is not null)
            .Select(s => new ChartSeries(s.Name ?? "", Enumerable.Range(0, labels.Count)
                .Select(i => s.Values is { } v && i < v.Count && double.IsFinite(v[i]) ? v[i] : 0).ToArray()))
            .ToArray();
        return new ChartData(spec, labels.Select(l => l ?? "").ToArray(), series);
    }
}
