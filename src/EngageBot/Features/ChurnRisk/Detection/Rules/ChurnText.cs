using System.Text.RegularExpressions;

namespace EngageBot.Features.ChurnRisk.Detection.Rules;

/// <summary>
/// A message prepared for the cue patterns: lower-cased with typographic quotes folded to ASCII, character for
/// character so offsets stay valid in the original, and split into sentences (cue scopes never cross them).
/// </summary>
internal sealed partial class ChurnText
{
    private ChurnText(string original, string normalized, IReadOnlyList<Range> sentences)
    {
        Original = original;
        Normalized = normalized;
        Sentences = sentences;
    }

    public string Original { get; }

    public string Normalized { get; }

    public IReadOnlyList<Range> Sentences { get; }

    public static ChurnText From(string text)
    {
        var chars = new char[text.Length];
        for (var i = 0; i < text.Length; i++)
            chars[i] = text[i] switch
            {
                '\u2019' or '\u2018' or '\u02BC' or '`' => '\'',
                '\u201C' or '\u201D' => '"',
                '\u2013' or '\u2014' => '-',
                var c => char.ToLowerInvariant(c),
            };
        var normalized = new string(chars);
        var sentences = new List<Range>();
        var start = 0;
        foreach (Match m in SentenceEnd().Matches(normalized))
        {
            var end = m.Index + m.Length;
            if (end > start) sentences.Add(new Range(start, end));
            start = end;
        }
        if (start < normalized.Length) sentences.Add(new Range(start, normalized.Length));
        return new ChurnText(text, normalized, sentences);
    }

    public Range SentenceAt(int index)
    {
        foreach (var s in Sentences)
            if (index >= s.Start.Value && index < s.End.Value) return s;
        return new Range(0, Normalized.Length);
    }

    public string SentenceText(int index)
    {
        var (start, length) = SentenceAt(index).GetOffsetAndLength(Normalized.Length);
        return Normalized.Substring(start, length);
    }

    /// <summary>The words of the same clause before <paramref name="index"/>, nearest last (clauses end at , ; : - and "but").</summary>
    public IReadOnlyList<string> WordsBefore(int index, int max)
    {
        var sentenceStart = SentenceAt(Math.Max(0, Math.Min(index, Normalized.Length - 1))).Start.Value;
        var span = Normalized[sentenceStart..index];
        var clause = ClauseBreak().Split(span)[^1];
        var words = Word().Matches(clause).Select(m => m.Value).ToList();
        return words.Count <= max ? words : words.GetRange(words.Count - max, max);
    }

    /// <summary>The words of the same clause after <paramref name="index"/>, nearest first.</summary>
    public IReadOnlyList<string> WordsAfter(int index, int max)
    {
        var sentenceEnd = index >= Normalized.Length ? Normalized.Length : SentenceAt(index).End.Value;
        var span = Normalized[index..sentenceEnd];
        var clause = ClauseBreak().Split(span)[0];
        return Word().Matches(clause).Select(m => m.Value).Take(max).ToList();
    }

    public bool IsQuestionSentence(int index) => SentenceText(index).TrimEnd().EndsWith('?');

    [GeneratedRegex(@"[.!?;]+(?=\s|$|[""')])|\n+")]
    private static partial Regex SentenceEnd();

    [GeneratedRegex(@"[,:()]|\s-\s|\bbut\b|\balthough\b|\bthough\b|\bhowever\b|\bwhereas\b")]
    private static partial Regex ClauseBreak();

    [GeneratedRegex(@"[a-z0-9]+(?:'[a-z]+)?")]
    private static partial Regex Word();
}
