using System.Runtime.CompilerServices;
using EngageBot.Features.ChurnRisk.Detection.Rules;

namespace EngageBot.Features.ChurnRisk.Detection;

/// <summary>
/// The offline default: lexicon cues weighed in context (negation, harmless senses, how-to questions, hedges,
/// resolved risks), combined per side as 1 - Π(1 - weight), a risk at 0.5 or more. No network, no state.
/// </summary>
public sealed class RulesChurnDetector : IChurnDetector
{
    public const double RiskThreshold = 0.5;

    private const double SuppressedScore = 0.3;
    private const double QuietScore = 0.02;

    // One matcher per customer list instance: the CLI and callers reuse their list across messages.
    private readonly ConditionalWeakTable<IReadOnlyList<CustomerName>, CustomerMatcher> _matchers = new();

    public Task<ChurnSignal> DetectAsync(string text, IReadOnlyList<CustomerName> customers, CancellationToken cancellationToken = default) =>
        Task.FromResult(Detect(text, customers));

    public ChurnSignal Detect(string text, IReadOnlyList<CustomerName> customers)
    {
        ArgumentNullException.ThrowIfNull(text);
        var churnText = ChurnText.From(text);
        var mentions = _matchers.GetValue(customers, c => new CustomerMatcher(c)).FindAll(text);
        var reasons = new List<string>();
        var hits = new List<CueHit>();
        var suppressed = new List<(int Start, int Length, string Reason)>();
        foreach (var cue in ChurnLexicon.All)
            foreach (System.Text.RegularExpressions.Match match in cue.Pattern.Matches(churnText.Normalized))
                Weigh(cue, match, churnText, mentions, hits, suppressed);

        var active = KeepStrongest(hits);
        foreach (var (start, length, reason) in suppressed)
            if (!active.Any(h => start < h.Start + h.Length && h.Start < start + length)) reasons.Add(reason);
        if (active.Count == 0)
            return ChurnSignal.None(suppressed.Count > 0 ? SuppressedScore : QuietScore, reasons.Count > 0 ? reasons : ["no risk cue found"]);

        var customerScore = Combine(active.Where(h => h.About == ChurnKind.Customer));
        var partnerScore = Combine(active.Where(h => h.About == ChurnKind.Partner));
        var kind = customerScore >= partnerScore ? ChurnKind.Customer : ChurnKind.Partner;
        var score = Math.Max(customerScore, partnerScore);
        var side = active.Where(h => h.About == kind).OrderByDescending(h => h.Weight).ToList();
        reasons.InsertRange(0, active.OrderBy(h => h.Start).Select(h => $"cue: '{Quote(churnText, h)}' ({h.About.ToString().ToLowerInvariant()}, {h.Severity.ToString().ToLowerInvariant()})"));
        if (score < RiskThreshold)
            return ChurnSignal.None(Math.Round(score, 2), [.. reasons, $"score {score:0.00} below {RiskThreshold:0.0}"]);

        var severity = Severity(side, churnText, reasons);
        string? customer = null;
        if (kind == ChurnKind.Customer && NearestMention(side[0], churnText, mentions) is { } mention)
        {
            customer = mention.Customer.Value;
            reasons.Add(mention.Partial ? $"customer: '{mention.Surface}' (partial name of {customer})" : $"customer: '{mention.Surface}'");
        }
        else if (kind == ChurnKind.Customer)
        {
            reasons.Add(mentions.Count == 0 ? "customer: none of the known customers is named" : "customer: not named near the cue");
        }
        return new ChurnSignal(kind, severity, customer, Math.Round(score, 2), reasons);
    }

    /// <summary>The customers named in the text (full or partial names), in order of appearance.</summary>
    internal IReadOnlyList<CustomerName> MentionedCustomers(string text, IReadOnlyList<CustomerName> customers) =>
        Mentions(text, customers).Select(m => m.Customer).Distinct().ToList();

    /// <summary>Where the text names known customers (full or partial names), in order of appearance.</summary>
    internal IReadOnlyList<CustomerMention> Mentions(string text, IReadOnlyList<CustomerName> customers) =>
        _matchers.GetValue(customers, c => new CustomerMatcher(c)).FindAll(text);

    private static void Weigh(ChurnCue cue, System.Text.RegularExpressions.Match match, ChurnText text, IReadOnlyList<CustomerMention> mentions,
        List<CueHit> hits, List<(int, int, string)> suppressed)
    {
        var surface = text.Original.Substring(match.Index, match.Length);
        if (CueContext.Negator(text, match, cue) is { } negator)
        {
            suppressed.Add((match.Index, match.Length, $"negated: '{surface}' (by '{negator}')"));
            return;
        }
        if (CueContext.HarmlessObject(text, match, cue) is { } harmless)
        {
            suppressed.Add((match.Index, match.Length, $"harmless: '{surface}' ({harmless})"));
            return;
        }
        if (CueContext.ResolvedAfter(text, match) is { } resolution)
        {
            suppressed.Add((match.Index, match.Length, $"resolved: '{surface}' then '{resolution}'"));
            return;
        }
        var weight = cue.Weight;
        var severity = cue.Severity;
        if (CueContext.IsHowToQuestion(text, match) && !mentions.Any(m => text.SentenceAt(match.Index).Equals(text.SentenceAt(m.Start))))
        {
            suppressed.Add((match.Index, match.Length, $"question: '{surface}' is asked about, not reported"));
            return;
        }
        if (CueContext.IsHedged(text, match)) severity = Lower(severity);
        hits.Add(new CueHit(cue, match.Index, match.Length, surface, CueSideResolver.Resolve(cue, text, match.Index, mentions), weight, severity));
    }

    private static List<CueHit> KeepStrongest(List<CueHit> hits)
    {
        var kept = new List<CueHit>();
        foreach (var hit in hits.OrderByDescending(h => h.Weight).ThenByDescending(h => h.Length))
            if (!kept.Any(k => k.Overlaps(hit))) kept.Add(hit);
        return kept;
    }

    private static double Combine(IEnumerable<CueHit> hits) => Math.Min(0.99, 1 - hits.Aggregate(1.0, (rest, h) => rest * (1 - h.Weight)));

    private static ChurnSeverity Severity(List<CueHit> side, ChurnText text, List<string> reasons)
    {
        var severity = side.Max(h => h.Severity);
        if (severity <= ChurnSeverity.Medium && CueContext.IsSoftened(text))
        {
            severity = Lower(severity);
            reasons.Add("softened: the message plays it down");
        }
        else if (severity == ChurnSeverity.Medium && CueContext.IsUrgent(text))
        {
            severity = ChurnSeverity.High;
            reasons.Add("urgent: the message asks for immediate action");
        }
        return severity;
    }

    private static ChurnSeverity Lower(ChurnSeverity s) => s == ChurnSeverity.High ? ChurnSeverity.Medium : ChurnSeverity.Low;

    // The customer named in the cue's sentence nearest to it, else the nearest one before it, else the nearest after.
    private static CustomerMention? NearestMention(CueHit hit, ChurnText text, IReadOnlyList<CustomerMention> mentions)
    {
        if (mentions.Count == 0) return null;
        var sentence = text.SentenceAt(hit.Start);
        var inSentence = mentions.Where(m => m.Start >= sentence.Start.Value && m.Start < sentence.End.Value).ToList();
        if (inSentence.Count > 0) return inSentence.MinBy(m => Math.Abs(m.Start - hit.Start));
        return mentions.Where(m => m.Start < hit.Start).MaxBy(m => m.Start) ?? mentions.MinBy(m => m.Start);
    }

    private static string Quote(ChurnText text, CueHit hit) => hit.Surface.Length <= 60 ? hit.Surface : hit.Surface[..57] + "...";
}
