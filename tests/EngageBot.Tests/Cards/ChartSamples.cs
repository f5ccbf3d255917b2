using EngageBot.Cards.Charts;

namespace EngageBot.Tests.Cards;

/// <summary>Charts shaped like the digest's: one of each kind, and the empty cases.</summary>
internal static class ChartSamples
{
    public static readonly string[] Weeks = ["W40", "W41", "W42", "W43", "W44", "W45", "W46", "W47"];

    public static ChartSpec SlaLine() => new("sla", ChartKind.Line, "SLA attainment, last 8 weeks", Weeks,
        [new("First response", [0.91, 0.93, 0.88, 0.95, 0.97, 0.94, 0.96, 0.98]), new("Resolution", [0.81, 0.84, 0.79, 0.86, 0.88, 0.9, 0.87, 0.92])], "P0");

    public static ChartSpec RiskDonut() => new("risks", ChartKind.Donut, "Open churn risks by severity", ["Critical", "High", "Medium", "Low"], [new("Open", [2, 5, 9, 4])]);

    public static ChartSpec TicketBars() => new("tickets", ChartKind.VerticalBar, "Tickets this week", ["Opened", "Resolved", "Breached"],
        [new("This week", [42, 37, 3]), new("Last week", [35, 40, 6])]);

    public static ChartSpec AttentionBars() => new("attention", ChartKind.HorizontalBar, "Partners most in need of attention",
        ["Contoso", "Fabrikam", "Northwind Traders", "Tailspin", "Wingtip"], [new("Health", [31, 38, 44, 52, 57])]);

    public static IEnumerable<object[]> EveryKindAndEmpty()
    {
        yield return [SlaLine()];
        yield return [RiskDonut()];
        yield return [TicketBars()];
        yield return [AttentionBars()];
        foreach (var kind in Enum.GetValues<ChartKind>())
        {
            yield return [new ChartSpec($"empty-{kind}", kind, "Nothing this week", [], [])];
            yield return [new ChartSpec($"zeros-{kind}", kind, "All zero", ["a", "b"], [new("x", [0, 0])])];
        }
    }
}
