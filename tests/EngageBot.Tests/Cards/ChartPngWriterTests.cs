using EngageBot.Cards.Charts;
using EngageBot.TestSupport;

namespace EngageBot.Tests.Cards;

public sealed class ChartPngWriterTests
{
    private readonly ChartPngWriter _writer = new(new ChartPngRenderer());

    [Fact]
    public async Task Writes_one_png_per_chart_named_by_id_creating_the_folder()
    {
        using var temp = new TempDirectory();
        var folder = Path.Combine(temp.Path, "digest", "2026-W47");

        var written = await _writer.WriteAsync(folder, [ChartSamples.SlaLine(), ChartSamples.RiskDonut()]);

        Assert.Equal([Path.Combine(folder, "sla.png"), Path.Combine(folder, "risks.png")], written);
        Assert.All(written, p => Assert.Equal((800, 400), ChartPngRendererTests.PngSize(File.ReadAllBytes(p))));
    }

    [Fact]
    public async Task An_id_cannot_write_outside_the_folder()
    {
        using var temp = new TempDirectory();

        var written = await _writer.WriteAsync(temp.Path, [ChartSamples.SlaLine() with { Id = "../../etc/evil" }]);

        Assert.Equal(temp.Path, Path.GetDirectoryName(written.Single()));
        Assert.Equal("..-..-etc-evil.png", Path.GetFileName(written.Single()));
    }

    [Fact]
    public async Task A_folder_that_cannot_be_created_is_a_clear_error_naming_it()
    {
        using var temp = new TempDirectory();
        var file = temp.File("not-a-folder");
        await File.WriteAllTextAsync(file, "x");
        var folder = Path.Combine(file, "charts");

        var error = await Assert.ThrowsAsync<ChartWriteException>(() => _writer.WriteAsync(folder, [ChartSamples.SlaLine()]));

        Assert.Contains(folder, error.Message);
        Assert.StartsWith("Cannot create the chart folder", error.Message);
    }
}
