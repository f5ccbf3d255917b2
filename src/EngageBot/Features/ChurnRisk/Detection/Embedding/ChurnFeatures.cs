using System.Text;
using EngageBot.Features.ChurnRisk.Detection.Rules;

namespace EngageBot.Features.ChurnRisk.Detection.Embedding;

/// <summary>
/// What the classifier sees: the sentence vector, then a few facts from the rules that sentence vectors are known
/// to blur: a cue negated ("not leaving"), used harmlessly ("cancel the meeting"), asked about or already resolved,
/// whether a known customer is named, and the rules' own kind and severity. In cross-validation on the corpus these
/// facts lift precision by about five points over the vector alone, at the same recall. Scaled down so the L2
/// penalty keeps the classifier leaning on the vector, which is what carries over to phrasings no lexicon has.
/// </summary>
public static class ChurnFeatures
{
    public const int RulesCount = 10;

    private const float Scale = 0.25f;

    /// <summary>
    /// The text the sentence model sees: each known customer's name replaced by "the customer". Names carry meaning
    /// of their own ("Fourth Coffee", "Alpine Ski House") that drowns a short message's point, and the classifier
    /// must not learn which customers churned.
    /// </summary>
    internal static string EmbeddingText(string text, IReadOnlyList<CustomerMention> mentions)
    {
        if (mentions.Count == 0) return text;
        var masked = new StringBuilder(text.Length);
        var at = 0;
        foreach (var m in mentions.OrderBy(m => m.Start))
        {
            if (m.Start < at) continue;
            masked.Append(text, at, m.Start - at).Append("the customer");
            at = m.End;
        }
        return masked.Append(text, at, text.Length - at).ToString();
    }

    public static float[] Of(float[] embedding, ChurnSignal rules, bool customerNamed)
    {
        var features = new float[embedding.Length + RulesCount];
        embedding.CopyTo(features, 0);
        var facts = features.AsSpan(embedding.Length);
        facts[0] = Has(rules, "negated: ");
        facts[1] = Has(rules, "harmless: ");
        facts[2] = Has(rules, "question: ");
        facts[3] = Has(rules, "resolved: ");
        facts[4] = customerNamed ? 1 : 0;
        facts[5] = rules.Kind == ChurnKind.Customer ? 1 : 0;
        facts[6] = rules.Kind == ChurnKind.Partner ? 1 : 0;
        facts[7] = rules.Severity == ChurnSeverity.High ? 1 : 0;
        facts[8] = rules.Severity == ChurnSeverity.Medium ? 1 : 0;
        facts[9] = rules.Severity == ChurnSeverity.Low ? 1 : 0;
        foreach (ref var f in facts) f *= Scale;
        return features;
    }

    // The rules explain suppressed cues in their reasons with these prefixes (RulesChurnDetector.Weigh).
    private static float Has(ChurnSignal rules, string prefix) => rules.Reasons.Any(r => r.StartsWith(prefix, StringComparison.Ordinal)) ? 1 : 0;
}
