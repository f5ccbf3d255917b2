using EngageBot.Cards;
using EngageBot.Cards.Actions;

namespace EngageBot.Features.CheckIns.Answers;

/// <summary>The feedback text of a check-in answer: one labelled line per question answered.</summary>
public static class CheckInAnswerText
{
    private static readonly (string Input, string Label)[] Lines =
    [
        (CardInputs.Rating, "Health (1-5)"),
        (CardInputs.Blocking, "Blocking"),
        (CardInputs.Pipeline, "Pipeline"),
        (CardInputs.Comment, "We should do better at"),
        (CardInputs.Recommend, "Would recommend (0-10)"),
        (CardInputs.Topics, "Topics for next time"),
        (CardInputs.NeedsHelp, "Wants a call"),
        (CardInputs.NextCheckIn, "Preferred next check-in"),
    ];

    // The answers partners write in their own words: what a digest quotes (the rating is shown beside the quote).
    private static readonly string[] FreeTextLabels = ["Blocking", "We should do better at", "Topics for next time"];

    public static string From(CardInputValidator answers) =>
        string.Join('\n', Lines.Select(l => (l.Label, Value: answers.Value(l.Input).Trim()))
            .Where(l => l.Value.Length > 0 && l.Value != "false")
            .Select(l => $"{l.Label}: {l.Value}"));

    /// <summary>
    /// The partner's own words in a stored answer text (the free-text answers, labels removed, joined by " · "); empty
    /// when the partner only picked values.
    /// </summary>
    public static string PartnerWords(string answerText) =>
        string.Join(" · ", answerText.Split('\n')
            .Select(line => FreeTextLabels.FirstOrDefault(label => line.StartsWith(label + ": ", StringComparison.Ordinal)) is { } label
                ? line[(label.Length + 2)..].Trim() : "")
            .Where(words => words.Length > 0));
}
