using System.Reflection;
using ScottPlot;
using SkiaSharp;

namespace EngageBot.Cards.Charts;

/// <summary>
/// The one font charts are drawn with: DejaVu Sans embedded in the assembly. ScottPlot otherwise asks the system
/// (SkiaSharp's NoDependencies build scans /usr/share/fonts), and the ASP.NET runtime image has no fonts at all:
/// labels would silently vanish there and differ between machines. Embedded, a chart renders the same everywhere.
/// </summary>
internal sealed class ChartFont : IFontResolver
{
    public const string Name = "EngageBot Chart Sans";
    private static readonly Lazy<ChartFont> Instance = new(() => new ChartFont(), LazyThreadSafetyMode.ExecutionAndPublication);
    private readonly SKTypeface _regular = Load("DejaVuSans.ttf");
    private readonly SKTypeface _bold = Load("DejaVuSans-Bold.ttf");

    /// <summary>Adds the embedded font to ScottPlot's (process-wide) resolvers once.</summary>
    public static void EnsureRegistered()
    {
        if (Instance.IsValueCreated)
            return;
        lock (Instance)
        {
            if (!Fonts.FontResolvers.Contains(Instance.Value))
                Fonts.FontResolvers.Insert(0, Instance.Value);
        }
    }

    public SKTypeface? CreateTypeface(string fontName, bool bold, bool italic) =>
        fontName == Name ? (bold ? _bold : _regular) : null;

    public SKTypeface? CreateTypeface(string fontName, FontWeight weight, FontSlant slant, FontSpacing spacing) =>
        CreateTypeface(fontName, weight >= FontWeight.SemiBold, slant != FontSlant.Upright);

    private static SKTypeface Load(string file)
    {
        var resource = $"EngageBot.Fonts.{file}";
        using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream(resource)
            ?? throw new InvalidOperationException($"The chart font {resource} is not embedded in the assembly.");
        using var data = SKData.Create(stream);
        return SKTypeface.FromData(data) ?? throw new InvalidOperationException($"The chart font {resource} cannot be read.");
    }
}
