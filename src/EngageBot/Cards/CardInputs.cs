namespace EngageBot.Cards;

/// <summary>Input ids used in cards/*.json (Teams: keys of the action data; Slack: block_id and action_id in the modal).</summary>
public static class CardInputs
{
    public const string Rating = "rating";
    public const string Recommend = "recommend";
    public const string Topics = "topics";
    public const string Comment = "comment";
    public const string NeedsHelp = "needsHelp";
    public const string NextCheckIn = "nextCheckIn";
    public const string Category = "category";
    public const string Sentiment = "sentiment";
    public const string Text = "text";
    public const string Outcome = "outcome";
    public const string Note = "note";
    public const string Partner = "partnerId";
    public const string Assignee = "assignee";
    public const string Blocking = "blocking";
    public const string Pipeline = "pipeline";

    public static IReadOnlyCollection<string> All { get; } =
        [Rating, Recommend, Topics, Comment, NeedsHelp, NextCheckIn, Category, Sentiment, Text, Outcome, Note, Partner, Assignee, Blocking, Pipeline];
}
