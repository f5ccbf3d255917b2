using System.Text;

namespace EngageBot.Cards.Charts;

/// <summary>
/// A chart said in words, for screen readers (Slack image alt text, upload alt_txt): its title, then each series
/// with its values per label ("SLA attainment. First response: W46 96%, W47 98%."), cut to the limit given.
/// </summary>
public static class ChartAltText
{
    public static string Describe(ChartSpec chart, int maxLength)
    {
        var data = ChartData.From(chart);
        var text = new StringBuilder(string.IsNullOrWhiteSpace(chart.Title) ? chart.Id : chart.Title.Trim()).Append('.');
        if (!data.HasValues)
            text.Append(" No data for this period.");
        foreach (var series in data.HasValues ? data.Series : [])
        {
            text.Append(' ');
            if (series.Name.Length > 0) text.Append(series.Name).Append(": ");
            text.AppendJoin(", ", data.Labels.Select((label, i) => $"{label} {data.Format(series.Values[i])}")).Append('.');
        }
        return text.Length <= maxLength ? text.ToString() : text.ToString(0, maxLength - 1) + "…";
    }
}
