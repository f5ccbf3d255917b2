using System.Security.Cryptography;
using EngageBot.Features.ChurnRisk.Evaluation;

namespace EngageBot.Features.ChurnRisk.Detection.Embedding;

/// <summary>
/// Fits the classifier on a labelled corpus: the risk head and the neighbours on every message, kind on the risks,
/// severity on the risks that have one. Cross-validation over the corpus itself (never over an evaluation set)
/// estimates how it will do; the constants below were chosen that way (docs/churn-risk.md has the figures).
/// </summary>
public sealed class ChurnClassifierTrainer(RulesChurnDetector rules, ITextEmbedder embedder)
{
    public const double DefaultThreshold = 0.54;
    public const double NeighbourWeight = 0.5;
    public const int NeighbourCount = 20;
    public const double NeighbourSharpness = 10;
    public const double RulesStandAt = 0.9;

    public IReadOnlyList<ChurnExample> Examples(IReadOnlyList<LabelledChurnMessage> set, IReadOnlyList<CustomerName> customers, CancellationToken cancellationToken = default)
    {
        var mentions = set.Select(m => rules.Mentions(m.Text, customers)).ToList();
        var vectors = embedder.Embed([.. set.Select((m, i) => ChurnFeatures.EmbeddingText(m.Text, mentions[i]))], cancellationToken);
        return [.. set.Select((m, i) =>
        {
            var verdict = rules.Detect(m.Text, customers);
            return new ChurnExample(m, ChurnFeatures.Of(vectors[i], verdict, mentions[i].Count > 0), verdict);
        })];
    }

    public ChurnClassifier Train(IReadOnlyList<ChurnExample> set, string corpusSha256, double threshold = DefaultThreshold)
    {
        var risks = set.Where(e => e.Message.IsRisk).ToList();
        var rated = risks.Where(e => e.Message.Severity is not null).ToList();
        return new ChurnClassifier
        {
            EmbeddingModel = embedder.ModelId,
            Dimensions = embedder.Dimensions,
            RiskThreshold = threshold,
            NeighbourWeight = NeighbourWeight,
            RulesStandAt = RulesStandAt,
            TrainedOn = set.Count,
            CorpusSha256 = corpusSha256,
            Risk = SoftmaxRegression.Train(["none", "risk"], [.. set.Select(e => e.Features)], [.. set.Select(e => e.Message.IsRisk ? "risk" : "none")]),
            Kind = SoftmaxRegression.Train(["customer", "partner"], [.. risks.Select(e => e.Features)], [.. risks.Select(e => e.Message.Kind)]),
            Severity = SoftmaxRegression.Train(["low", "medium", "high"], [.. rated.Select(e => e.Features)], [.. rated.Select(e => e.Message.Severity!)]),
            Neighbours = NearestNeighbours.Build([.. set.Select(e => e.Features)], [.. set.Select(e => e.Message.IsRisk)], embedder.Dimensions, NeighbourCount, NeighbourSharpness),
        };
    }

    /// <summary>k-fold cross-validation: precision, recall and kind accuracy of the risk decision and kind head on the held-out folds.</summary>
    public (double Precision, double Recall, double Kind) CrossValidate(IReadOnlyList<ChurnExample> set, int folds, double threshold = DefaultThreshold)
    {
        int tp = 0, fp = 0, fn = 0, kinds = 0;
        for (var fold = 0; fold < folds; fold++)
        {
            var model = Train([.. set.Where((_, i) => i % folds != fold)], "", threshold);
            for (var i = fold; i < set.Count; i += folds)
            {
                var (message, features, verdict) = set[i];
                var risk = model.IsRisk(model.RiskProbability(features), verdict);
                if (risk && message.IsRisk)
                {
                    tp++;
                    if (model.Kind.Predict(features).Label == message.Kind) kinds++;
                }
                else if (risk) fp++;
                else if (message.IsRisk) fn++;
            }
        }
        return (tp / (double)Math.Max(1, tp + fp), tp / (double)Math.Max(1, tp + fn), kinds / (double)Math.Max(1, tp));
    }

    public static string Sha256Of(string path) => Convert.ToHexString(SHA256.HashData(File.ReadAllBytes(path))).ToLowerInvariant();
}
