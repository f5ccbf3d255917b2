using EngageBot.Features.ChurnRisk.Detection.Embedding;
using Microsoft.Extensions.Options;

namespace EngageBot.Features.ChurnRisk.Detection;

/// <summary>
/// The default detector: a sentence-embedding model (local, CPU), the message's words (hashed n-grams) and a trained
/// classifier decide risk or none, and customer or partner; the rules name the customer (directory names and aliases),
/// catch negated, harmless and resolved cues (as features the classifier weighs), set the severity when their cues
/// fire, and give the evidence in the reasons. The model and weights load on the first message, in the inbox processor.
/// </summary>
public sealed class EmbeddingChurnDetector : IChurnDetector
{
    private readonly RulesChurnDetector _rules;
    private readonly ITextEmbedder _embedder;
    private readonly Lazy<ChurnClassifier> _classifier;

    public EmbeddingChurnDetector(RulesChurnDetector rules, ITextEmbedder embedder, IOptions<ChurnDetectionOptions> options)
    {
        _rules = rules;
        _embedder = embedder;
        var path = options.Value.ClassifierPath;
        _classifier = new(() => Loaded(ChurnClassifier.Load(path)), LazyThreadSafetyMode.ExecutionAndPublication);
    }

    public Task<ChurnSignal> DetectAsync(string text, IReadOnlyList<CustomerName> customers, CancellationToken cancellationToken = default) =>
        Task.FromResult(Detect(text, customers, cancellationToken));

    public ChurnSignal Detect(string text, IReadOnlyList<CustomerName> customers, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (text.Trim().Length == 0) return ChurnSignal.None(0, ["empty message"]);
        var rules = _rules.Detect(text, customers);
        var mentions = _rules.Mentions(text, customers);
        var mentioned = mentions.Select(m => m.Customer).Distinct().ToList();
        var classifier = _classifier.Value;
        var masked = ChurnFeatures.EmbeddingText(text, mentions);
        var features = ChurnFeatures.Of(_embedder.Embed([masked], cancellationToken)[0], rules, mentioned.Count > 0);
        var ngrams = HashedNgrams.Of(masked);
        var risk = classifier.RiskProbability(features, ngrams);
        var evidence = rules.Reasons.Where(IsEvidence).ToList();
        var verdict = $"embedding: risk {risk:0.00} ({(risk >= classifier.RiskThreshold ? "at or above" : "below")} {classifier.RiskThreshold:0.00})";
        if (!classifier.IsRisk(risk)) return ChurnSignal.None(Math.Round(risk, 2), [.. evidence, verdict]);

        var kind = classifier.Kind.Predict(features, ngrams).Label == "partner" ? ChurnKind.Partner : ChurnKind.Customer;
        var reasons = new List<string>(evidence) { verdict, $"embedding: {kind.ToString().ToLowerInvariant()} risk" };
        var severity = SeverityOf(rules, kind, classifier, features, ngrams, reasons);
        string? customer = null;
        if (kind == ChurnKind.Customer)
        {
            customer = rules.Kind == ChurnKind.Customer && rules.Customer is not null ? rules.Customer : mentioned.FirstOrDefault()?.Value;
            reasons.AddRange(rules.Kind == ChurnKind.Customer && rules.Customer is not null
                ? rules.Reasons.Where(r => r.StartsWith("customer: ", StringComparison.Ordinal))
                : [customer is null ? "customer: none of the known customers is named" : $"customer: '{customer}' named in the message"]);
        }
        return new ChurnSignal(kind, severity, customer, Math.Round(risk, 2), reasons);
    }

    // The rules' severity when their cues found this kind of risk (the cues are the evidence); else the model's.
    private static ChurnSeverity SeverityOf(ChurnSignal rules, ChurnKind kind, ChurnClassifier classifier, float[] features, int[] ngrams, List<string> reasons)
    {
        if (rules.IsRisk && rules.Kind == kind && rules.Severity is { } cued) return cued;
        var severity = Enum.Parse<ChurnSeverity>(classifier.Severity.Predict(features, ngrams).Label, ignoreCase: true);
        reasons.Add($"embedding: {severity.ToString().ToLowerInvariant()} severity");
        return severity;
    }

    private static bool IsEvidence(string reason) =>
        !reason.StartsWith("customer: ", StringComparison.Ordinal) && !reason.StartsWith("score ", StringComparison.Ordinal) && reason != "no risk cue found";

    private ChurnClassifier Loaded(ChurnClassifier classifier) =>
        classifier.EmbeddingModel == _embedder.ModelId && classifier.Dimensions == _embedder.Dimensions
            ? classifier
            : throw new InvalidOperationException($"the churn classifier was trained on {classifier.EmbeddingModel} ({classifier.Dimensions} dimensions), not {_embedder.ModelId}; retrain it");
}
