namespace EngageBot.Cards.Charts;

/// <summary>The chart shapes a digest draws; each maps to a Teams Adaptive Card chart element and to a PNG.</summary>
public enum ChartKind { Line, Donut, VerticalBar, HorizontalBar }

/// <summary>One named series of values, one value per label of its chart.</summary>
public sealed record ChartSeries(string Name, IReadOnlyList<double> Values);

/// <summary>
/// A chart as data, independent of where it is drawn: Teams renders it as a <c>Chart.*</c> element (with a fallback),
/// Slack and <c>digest preview --png</c> as a PNG. <paramref name="Id"/> is stable per chart of a digest (file names,
/// image block ids); <paramref name="ValueFormat"/> is a .NET numeric format for axis and table values ("P0", "N1").
/// </summary>
public sealed record ChartSpec(
    string Id,
    ChartKind Kind,
    string Title,
    IReadOnlyList<string> Labels,
    IReadOnlyList<ChartSeries> Series,
    string? ValueFormat = null);
