namespace EngageBot.Features.Digests.Loading;

/// <summary>
/// The weeks a digest of <see cref="Week"/> reads, on the wall clock of <see cref="Zone"/> (the reader's): the chart's
/// eight weeks ending with it, the four weeks of activity a health score looks at, and a lookback for tickets opened
/// before the chart but answered or resolved inside it.
/// </summary>
public sealed record DigestPeriod(IsoWeek Week, TimeZoneInfo Zone)
{
    public const int ChartWeeks = 8;
    /// <summary>A health score looks at the four weeks ending with the week it is taken for.</summary>
    public const int HealthWeeks = 4;
    /// <summary>Feedback ratings are sparse: a health score averages the last twelve weeks.</summary>
    public const int FeedbackWeeks = 12;
    /// <summary>Tickets opened up to this many weeks before the chart's first week still count where they were answered or resolved.</summary>
    public const int TicketLookbackWeeks = 8;

    public (DateTimeOffset Start, DateTimeOffset End) Range(IsoWeek week) => week.In(Zone);

    public (DateTimeOffset Start, DateTimeOffset End) Current => Range(Week);

    public IReadOnlyList<IsoWeek> ChartWeekList => Enumerable.Range(0, ChartWeeks).Select(i => Week.AddWeeks(i - ChartWeeks + 1)).ToList();

    /// <summary>Interactions are read from the start of the previous week's health window.</summary>
    public DateTimeOffset InteractionsFrom => Range(Week.AddWeeks(-HealthWeeks)).Start;

    public DateTimeOffset FeedbackFrom => Range(Week.AddWeeks(-FeedbackWeeks)).Start;

    public DateTimeOffset TicketsFrom => Range(Week.AddWeeks(-ChartWeeks + 1 - TicketLookbackWeeks)).Start;

    public DateTimeOffset End => Current.End;
}
