using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace EngageBot.Features.Tickets.Handling;

public enum MessageIntent { Pleasantry, Question, Statement }

/// <summary>
/// A cheap, deterministic classifier: pleasantries ("thanks!", "ok great", "+1", emoji only) never open tickets;
/// in questions-only mode, only questions and requests do. Word lists, not a model: it runs on every message.
/// </summary>
public static partial class QuestionClassifier
{
    private static readonly HashSet<string> PleasantryWords = new(StringComparer.Ordinal)
    {
        "thanks", "thank", "you", "u", "thx", "ty", "tks", "tysm", "much", "so", "very", "a", "lot", "again", "all", "guys", "team", "everyone",
        "ok", "okay", "k", "kk", "alright", "great", "cool", "awesome", "perfect", "nice", "amazing", "wonderful", "excellent", "super", "brilliant",
        "got", "it", "sounds", "good", "noted", "sure", "yes", "yep", "yeah", "yup", "will", "do", "done", "np", "no", "problem", "worries",
        "cheers", "lgtm", "appreciated", "appreciate", "that", "works", "for", "me", "us", "fine", "lol", "haha", "hi", "hello", "hey",
        "morning", "afternoon", "evening", "have", "day", "weekend", "+1", "the", "help", "and", "oh", "ah", "wow", "indeed", "exactly", "right",
    };

    private static readonly string[] QuestionStarts =
    [
        "how", "what", "why", "when", "where", "who", "which", "can", "could", "would", "will", "is", "are", "do", "does", "did",
        "should", "shall", "may", "any", "anyone", "anybody", "has", "have", "was", "were", "whom", "whose",
    ];

    private static readonly string[] RequestPhrases =
    [
        "please", "pls", "plz", "need", "help", "can you", "could you", "would you", "is there", "not working", "doesn't work", "does not work",
        "isn't working", "broken", "error", "issue", "problem with", "fail", "unable", "can't", "cannot", "bug", "urgent", "asap", "stuck",
        "request", "wondering", "looking for", "i'd like", "we'd like", "we would like", "we need", "let me know", "not able", "down",
        "outage", "crash", "how to", "any update", "following up", "follow up", "blocked", "missing",
    ];

    public static MessageIntent Classify(string text)
    {
        var words = Words(text);
        if (words.Count == 0) return MessageIntent.Pleasantry; // emoji, punctuation or whitespace only
        if (words.Count <= 8 && words.All(PleasantryWords.Contains) && !text.Contains('?', StringComparison.Ordinal))
            return MessageIntent.Pleasantry;
        var lower = " " + string.Join(' ', words) + " ";
        if (text.Contains('?', StringComparison.Ordinal) || QuestionStarts.Contains(words[0]))
            return MessageIntent.Question;
        return RequestPhrases.Any(p => lower.Contains(" " + p, StringComparison.Ordinal)) ? MessageIntent.Question : MessageIntent.Statement;
    }

    public static bool IsPleasantry(string text) => Classify(text) == MessageIntent.Pleasantry;

    // Lower-case words of letters, digits and apostrophes; Slack :emoji: codes, <@mentions> and <links> are dropped.
    private static List<string> Words(string text)
    {
        var words = new List<string>();
        var current = new StringBuilder();
        foreach (var raw in SlackMarkup().Replace(text.Normalize(NormalizationForm.FormKC), " "))
        {
            var c = raw == '\u2019' ? '\'' : raw;
            if (char.IsLetterOrDigit(c) || c == '\'' || (c == '+' && current.Length == 0))
                current.Append(char.ToLower(c, CultureInfo.InvariantCulture));
            else Flush();
        }
        Flush();
        return words;

        void Flush()
        {
            var word = current.ToString().Trim('\'');
            if (word.Length > 0 && word != "+") words.Add(word);
            current.Clear();
        }
    }

    [GeneratedRegex(@":[a-z0-9_+\-']+:|<[^>\s]*>", RegexOptions.IgnoreCase)]
    private static partial Regex SlackMarkup();
}
