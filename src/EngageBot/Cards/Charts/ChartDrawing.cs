using ScottPlot;
using ScottPlot.TickGenerators;

namespace EngageBot.Cards.Charts;

/// <summary>What each <see cref="ChartKind"/> adds to a styled plot (ChartPngRenderer owns the plot and its style).</summary>
internal static class ChartDrawing
{
    public static void Line(Plot plot, ChartData data)
    {
        var xs = Enumerable.Range(0, data.Labels.Count).Select(i => (double)i).ToArray();
        for (var s = 0; s < data.Series.Count; s++)
        {
            // One scatter per run of measured values, so an unmeasured week is a gap rather than a fall to zero.
            var values = data.Series[s].Values;
            var named = false;
            foreach (var (start, length) in MeasuredRuns(values))
            {
                var line = plot.Add.Scatter(xs[start..(start + length)], values.Skip(start).Take(length).ToArray(),
                    ChartPngRenderer.Palette[s % ChartPngRenderer.Palette.Length]);
                line.LineWidth = 3;
                line.MarkerSize = 8;
                if (!named) line.LegendText = data.Series[s].Name;
                named = true;
            }
        }
        CategoryTicks(plot.Axes.Bottom, data.Labels);
        ValueTicks(plot.Axes.Left, data);
        plot.Axes.Margins(horizontal: 0.05, vertical: 0.15);
        Legend(plot, data);
    }

    /// <summary>One bar group per label, one bar per series in it; each bar carries its value.</summary>
    public static void Bars(Plot plot, ChartData data, bool horizontal)
    {
        var perGroup = data.Series.Count;
        var width = 0.8 / perGroup;
        var bars = new List<Bar>();
        for (var s = 0; s < perGroup; s++)
        {
            for (var i = 0; i < data.Labels.Count; i++)
            {
                // Horizontal bars read top-down like the labels: the first label gets the highest position.
                var group = horizontal ? data.Labels.Count - 1 - i : i;
                var value = data.Series[s].Values[i];
                if (!double.IsFinite(value))
                    continue;
                bars.Add(new Bar
                {
                    Position = group - 0.4 + width * (horizontal ? perGroup - 1 - s : s) + width / 2,
                    Value = value,
                    Size = width * 0.9,
                    FillColor = ChartPngRenderer.Palette[(perGroup == 1 ? 0 : s) % ChartPngRenderer.Palette.Length],
                    LineWidth = 0,
                    Label = data.Format(value),
                });
            }
        }
        var plottable = plot.Add.Bars(bars);
        plottable.Horizontal = horizontal;
        plottable.ValueLabelStyle.FontSize = ChartPngRenderer.TextSize;
        plottable.ValueLabelStyle.FontName = ChartFont.Name;
        var positions = Enumerable.Range(0, data.Labels.Count).Select(i => horizontal ? data.Labels[data.Labels.Count - 1 - i] : data.Labels[i]).ToArray();
        CategoryTicks(horizontal ? plot.Axes.Left : plot.Axes.Bottom, positions);
        ValueTicks(horizontal ? plot.Axes.Bottom : plot.Axes.Left, data);
        if (horizontal)
            plot.Axes.Margins(left: 0, right: 0.12, bottom: 0.03, top: 0.03);
        else
            plot.Axes.Margins(left: 0.03, right: 0.03, bottom: 0, top: 0.15);
        if (horizontal) plot.Grid.YAxisStyle.IsVisible = false; else plot.Grid.XAxisStyle.IsVisible = false;
        if (perGroup > 1)
            plot.ShowLegend(data.Series.Select((s, i) => new LegendItem
            {
                LabelText = s.Name,
                FillColor = ChartPngRenderer.Palette[i % ChartPngRenderer.Palette.Length],
            }), Alignment.UpperRight);
        plot.Legend.ShadowColor = Colors.Transparent;
    }

    /// <summary>The first series' values as slices, each labelled with its value, the legend naming them.</summary>
    public static void Donut(Plot plot, ChartData data)
    {
        var values = data.Series[0].Values;
        var slices = new List<PieSlice>();
        for (var i = 0; i < data.Labels.Count; i++)
        {
            if (!(values[i] > 0))
                continue;
            slices.Add(new PieSlice
            {
                Value = values[i],
                FillColor = ChartPngRenderer.Palette[i % ChartPngRenderer.Palette.Length],
                Label = data.Format(values[i]),
                LegendText = $"{data.Labels[i]}: {data.Format(values[i])}",
            });
        }
        var pie = plot.Add.Pie(slices);
        pie.DonutFraction = 0.55;
        pie.SliceLabelDistance = 0.78;
        pie.LineColor = Colors.White;
        pie.LineWidth = 2;
        foreach (var slice in slices)
        {
            slice.LabelFontSize = ChartPngRenderer.TextSize;
            slice.LabelFontName = ChartFont.Name;
            slice.LabelFontColor = Colors.White;
            slice.LabelBold = true;
        }
        HideAxes(plot);
        plot.ShowLegend(Edge.Right);
    }

    public static void NoData(Plot plot)
    {
        HideAxes(plot);
        var text = plot.Add.Text("No data for this period", 0, 0);
        text.LabelFontSize = ChartPngRenderer.TitleSize;
        text.LabelFontName = ChartFont.Name;
        text.LabelFontColor = Color.FromHex("#616161");
        text.LabelAlignment = Alignment.MiddleCenter;
        plot.Axes.SetLimits(-1, 1, -1, 1);
    }

    /// <summary>No frame, ticks or grid, but the title stays (Axes.Frameless would hide it too).</summary>
    private static void HideAxes(Plot plot)
    {
        foreach (var axis in new IAxis[] { plot.Axes.Left, plot.Axes.Right, plot.Axes.Bottom, plot.Axes.Top })
            axis.IsVisible = false;
        plot.HideGrid();
    }

    private static void CategoryTicks(IAxis axis, IReadOnlyList<string> labels)
    {
        var ticks = new NumericManual();
        for (var i = 0; i < labels.Count; i++)
            ticks.AddMajor(i, labels[i]);
        axis.TickGenerator = ticks;
        axis.MajorTickStyle.Length = 0;
    }

    private static void ValueTicks(IAxis axis, ChartData data) =>
        axis.TickGenerator = new NumericAutomatic { LabelFormatter = data.Format, IntegerTicksOnly = IsWholeNumbers(data) };

    private static bool IsWholeNumbers(ChartData data) =>
        data.Series.All(s => s.Values.Where(double.IsFinite).All(v => v == Math.Floor(v))) && !(data.Spec.ValueFormat?.StartsWith('P') ?? false);

    private static IEnumerable<(int Start, int Length)> MeasuredRuns(IReadOnlyList<double> values)
    {
        for (var i = 0; i < values.Count; i++)
        {
            if (!double.IsFinite(values[i]))
                continue;
            var start = i;
            while (i + 1 < values.Count && double.IsFinite(values[i + 1]))
                i++;
            yield return (start, i - start + 1);
        }
    }

    /// <summary>Below the plot, in a row: inside it, a legend hides the lines it names.</summary>
    private static void Legend(Plot plot, ChartData data)
    {
        if (data.Series.Count > 1)
            plot.ShowLegend(Edge.Bottom);
    }
}
