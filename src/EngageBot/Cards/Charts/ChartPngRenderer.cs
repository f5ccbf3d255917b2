using ScottPlot;

namespace EngageBot.Cards.Charts;

/// <summary>
/// Draws a <see cref="ChartSpec"/> as a PNG with ScottPlot, sized for Slack's image block (800×400, large type so it
/// stays legible when Slack scales it down to the message column). Deterministic: same spec, same bytes (embedded
/// font, fixed palette, no timestamps). Lenient with data: a chart with nothing to show, or only zeros, says
/// "No data" rather than throwing; series longer or shorter than the labels are cut or padded; NaN and infinities
/// count as missing. Thread-safe: every call builds its own Plot.
/// </summary>
public sealed class ChartPngRenderer(int width = ChartPngRenderer.DefaultWidth, int height = ChartPngRenderer.DefaultHeight) : IChartImageRenderer
{
    public const int DefaultWidth = 800;
    public const int DefaultHeight = 400;
    internal const float TitleSize = 22;
    internal const float TextSize = 15;

    /// <summary>Colours in series / slice order: Teams' categorical hues, distinguishable in grey too.</summary>
    internal static readonly Color[] Palette =
    [
        Color.FromHex("#4F6BED"), Color.FromHex("#E3008C"), Color.FromHex("#00A5AF"), Color.FromHex("#F7630C"),
        Color.FromHex("#8764B8"), Color.FromHex("#498205"), Color.FromHex("#C19C00"), Color.FromHex("#69797E"),
    ];

    public byte[] RenderPng(ChartSpec chart)
    {
        ArgumentNullException.ThrowIfNull(chart);
        ChartFont.EnsureRegistered();
        var plot = new Plot();
        try
        {
            Style(plot, chart.Title);
            var data = ChartData.From(chart);
            if (!data.HasValues)
                ChartDrawing.NoData(plot);
            else
                switch (chart.Kind)
                {
                    case ChartKind.Line: ChartDrawing.Line(plot, data); break;
                    case ChartKind.Donut: ChartDrawing.Donut(plot, data); break;
                    case ChartKind.VerticalBar: ChartDrawing.Bars(plot, data, horizontal: false); break;
                    case ChartKind.HorizontalBar: ChartDrawing.Bars(plot, data, horizontal: true); break;
                    default: throw new ArgumentOutOfRangeException(nameof(chart), chart.Kind, "Unknown chart kind");
                }
            return plot.GetImageBytes(width, height, ImageFormat.Png);
        }
        finally
        {
            plot.Dispose();
        }
    }

    private static void Style(Plot plot, string title)
    {
        plot.Font.Set(ChartFont.Name);
        plot.FigureBackground.Color = Colors.White;
        plot.DataBackground.Color = Colors.White;
        plot.Axes.Title.Label.Text = string.IsNullOrWhiteSpace(title) ? "" : title.Trim();
        plot.Axes.Title.Label.FontSize = TitleSize;
        plot.Axes.Title.Label.Bold = true;
        plot.Axes.Title.Label.ForeColor = Color.FromHex("#242424");
        foreach (var axis in plot.Axes.GetAxes())
        {
            axis.TickLabelStyle.FontSize = TextSize;
            axis.TickLabelStyle.ForeColor = Color.FromHex("#424242");
            axis.FrameLineStyle.Color = Color.FromHex("#D1D1D1");
            axis.MajorTickStyle.Color = Color.FromHex("#D1D1D1");
            axis.MinorTickStyle.Length = 0;
        }
        plot.Grid.MajorLineColor = Color.FromHex("#EDEDED");
        plot.Legend.FontSize = TextSize;
        plot.Legend.FontName = ChartFont.Name;
        plot.Legend.OutlineColor = Colors.Transparent;
        plot.Legend.ShadowColor = Colors.Transparent;
    }
}
