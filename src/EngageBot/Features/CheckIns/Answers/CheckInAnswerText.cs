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

    public static string From(CardInputValidator answers) =>
        string.Join('\n', Lines.Select(l => (l.Label, Value: answers.Value(l.Input).Trim()))
            .Where(l => l.Value.Length > 0 && l.Value != "false")
            .Select(l => $"{l.Label}: {l.Value}"));
}
