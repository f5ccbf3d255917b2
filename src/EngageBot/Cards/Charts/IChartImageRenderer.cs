namespace EngageBot.Cards.Charts;

/// <summary>Draws a chart as a PNG, for clients that do not render chart elements (Slack, Teams mobile, previews).</summary>
public interface IChartImageRenderer
{
    byte[] RenderPng(ChartSpec chart);
}
