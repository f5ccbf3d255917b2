using System.Security.Cryptography;
using EngageBot.Features.ChurnRisk.Evaluation;

namespace EngageBot.Features.ChurnRisk.Detection.Embedding;

/// <summary>
/// Fits the three heads on a labelled corpus: risk on every message, kind on the risks, severity on the risks that
/// have one. Cross-validation over the corpus itself (never over an evaluation set) estimates how it will do.
/// </summary>
public sealed class ChurnClassifierTrainer(RulesChurnDetector rules, ITextEmbedder embedder)
{
    public const double DefaultThreshold = 0.5;

    public IReadOnlyList<float[]> Features(IReadOnlyList<LabelledChurnMessage> set, IReadOnlyList<CustomerName> customers, CancellationToken cancellationToken = default)
    {
        var mentions = set.Select(m => rules.Mentions(m.Text, customers)).ToList();
        var vectors = embedder.Embed([.. set.Select((m, i) => ChurnFeatures.EmbeddingText(m.Text, mentions[i]))], cancellationToken);
        return [.. set.Select((m, i) => ChurnFeatures.Of(vectors[i], rules.Detect(m.Text, customers), mentions[i].Count > 0))];
    }

    public ChurnClassifier Train(IReadOnlyList<LabelledChurnMessage> set, IReadOnlyList<float[]> features, string corpusSha256, double threshold = DefaultThreshold)
    {
        var risks = Enumerable.Range(0, set.Count).Where(i => set[i].IsRisk).ToList();
        var rated = risks.Where(i => set[i].Severity is not null).ToList();
        return new ChurnClassifier
        {
            EmbeddingModel = embedder.ModelId,
            Dimensions = embedder.Dimensions,
            RiskThreshold = threshold,
            TrainedOn = set.Count,
            CorpusSha256 = corpusSha256,
            Risk = SoftmaxRegression.Train(["none", "risk"], features, [.. set.Select(m => m.IsRisk ? "risk" : "none")]),
            Kind = SoftmaxRegression.Train(["customer", "partner"], [.. risks.Select(i => features[i])], [.. risks.Select(i => set[i].Kind)]),
            Severity = SoftmaxRegression.Train(["low", "medium", "high"], [.. rated.Select(i => features[i])], [.. rated.Select(i => set[i].Severity!)]),
        };
    }

    /// <summary>k-fold cross-validation: precision, recall and kind accuracy of the risk and kind heads on the held-out folds.</summary>
    public (double Precision, double Recall, double Kind) CrossValidate(IReadOnlyList<LabelledChurnMessage> set, IReadOnlyList<float[]> features, int folds)
    {
        int tp = 0, fp = 0, fn = 0, kinds = 0;
        for (var fold = 0; fold < folds; fold++)
        {
            var train = Enumerable.Range(0, set.Count).Where(i => i % folds != fold).ToList();
            var model = Train([.. train.Select(i => set[i])], [.. train.Select(i => features[i])], "");
            for (var i = fold; i < set.Count; i += folds)
            {
                var risk = model.RiskProbability(features[i]) >= model.RiskThreshold;
                if (risk && set[i].IsRisk)
                {
                    tp++;
                    if (model.Kind.Predict(features[i]).Label == set[i].Kind) kinds++;
                }
                else if (risk) fp++;
                else if (set[i].IsRisk) fn++;
            }
        }
        return (tp / (double)Math.Max(1, tp + fp), tp / (double)Math.Max(1, tp + fn), kinds / (double)Math.Max(1, tp));
    }

    public static string Sha256Of(string path) => Convert.ToHexString(SHA256.HashData(File.ReadAllBytes(path))).ToLowerInvariant();
}
