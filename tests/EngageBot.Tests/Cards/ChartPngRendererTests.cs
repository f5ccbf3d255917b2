using System.Buffers.Binary;
using EngageBot.Cards.Charts;

namespace EngageBot.Tests.Cards;

public sealed class ChartPngRendererTests
{
    private static readonly byte[] PngSignature = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A];
    private readonly ChartPngRenderer _renderer = new();

    /// <summary>Width and height from the IHDR chunk, which a PNG must start with.</summary>
    internal static (int Width, int Height) PngSize(byte[] png)
    {
        Assert.True(png.AsSpan(0, 8).SequenceEqual(PngSignature), "not a PNG signature");
        Assert.Equal("IHDR", System.Text.Encoding.ASCII.GetString(png, 12, 4));
        return (BinaryPrimitives.ReadInt32BigEndian(png.AsSpan(16)), BinaryPrimitives.ReadInt32BigEndian(png.AsSpan(20)));
    }

    [Theory]
    [MemberData(nameof(ChartSamples.EveryKindAndEmpty), MemberType = typeof(ChartSamples))]
    public void Every_kind_and_empty_data_render_an_800_by_400_png(ChartSpec chart)
    {
        var png = _renderer.RenderPng(chart);

        Assert.Equal((800, 400), PngSize(png));
        Assert.True(png.Length > 2_000, $"{chart.Id}: {png.Length} bytes is too small to hold a drawn chart");
    }

    [Fact]
    public void The_same_chart_renders_to_the_same_bytes()
    {
        Assert.Equal(_renderer.RenderPng(ChartSamples.SlaLine()), new ChartPngRenderer().RenderPng(ChartSamples.SlaLine()));
    }

    [Fact]
    public void Labels_are_drawn_with_the_embedded_font_so_text_changes_the_picture()
    {
        // Without a usable font (no system fonts, as in the container) titles would not be drawn and both would be equal.
        var a = _renderer.RenderPng(ChartSamples.RiskDonut() with { Title = "Risks" });
        var b = _renderer.RenderPng(ChartSamples.RiskDonut() with { Title = "Churn" });
        Assert.NotEqual(a, b);
    }

    [Fact]
    public void Ragged_series_non_finite_values_and_a_bad_format_still_render()
    {
        var chart = new ChartSpec("ragged", ChartKind.Line, "Ragged", ["a", "b", "c"], [new("short", [1]), new("odd", [double.NaN, double.PositiveInfinity, 2, 9])], "not a format {0}");

        Assert.Equal((800, 400), PngSize(_renderer.RenderPng(chart)));
    }

    [Fact]
    public void A_week_with_nothing_measured_is_a_gap_in_the_line_and_a_dash_in_words_not_a_zero()
    {
        ChartSpec Sla(double week2) => new("sla", ChartKind.Line, "SLA", ["W1", "W2", "W3"], [new("First response", [0.9, week2, 0.95])], "P0");

        var gap = _renderer.RenderPng(Sla(double.NaN));

        Assert.Equal((800, 400), PngSize(gap));
        Assert.NotEqual(gap, _renderer.RenderPng(Sla(0)));
        Assert.Equal("SLA. First response: W1 90%, W2 –, W3 95%.", ChartAltText.Describe(Sla(double.NaN), 2000));
        Assert.Equal((800, 400), PngSize(_renderer.RenderPng(Sla(double.NaN) with { Kind = ChartKind.VerticalBar })));
    }

    [Fact]
    public void Another_size_is_honoured()
    {
        Assert.Equal((1200, 600), PngSize(new ChartPngRenderer(1200, 600).RenderPng(ChartSamples.TicketBars())));
    }

    [Fact]
    public void Percent_values_read_without_a_space_and_alt_text_says_every_value()
    {
        Assert.Equal("98%", ChartValueFormat.Format(0.98, "P0"));
        var alt = ChartAltText.Describe(ChartSamples.SlaLine(), 2000);
        Assert.StartsWith("SLA attainment, last 8 weeks. First response: W40 91%, W41 93%", alt);
        Assert.Contains("Resolution: W40 81%", alt);
        Assert.Equal("Nothing. No data for this period.", ChartAltText.Describe(new ChartSpec("n", ChartKind.Donut, "Nothing", [], []), 2000));
        Assert.Equal(20, ChartAltText.Describe(ChartSamples.SlaLine(), 20).Length);
    }
}
