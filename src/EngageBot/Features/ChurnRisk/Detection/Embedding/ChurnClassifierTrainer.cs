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

    public ChurnClassifier Train(IReadOnlyList<ChurnExample> set, string corpusSha256, ChurnTrainingKnobs? knobs = null)
    {
        knobs ??= ChurnTrainingKnobs.Default;
        var risks = set.Where(e => e.Message.IsRisk).ToList();
        var rated = risks.Where(e => e.Message.Severity is not null).ToList();
        return new ChurnClassifier
        {
            EmbeddingModel = embedder.ModelId,
            Dimensions = embedder.Dimensions,
            RiskThreshold = knobs.Threshold,
            NeighbourWeight = knobs.NeighbourWeight,
            RulesStandAt = RulesStandAt,
            TrainedOn = set.Count,
            CorpusSha256 = corpusSha256,
            Risk = SoftmaxRegression.Train(["none", "risk"], [.. set.Select(e => e.Features)], [.. set.Select(e => e.Message.IsRisk ? "risk" : "none")], knobs.L2),
            Kind = SoftmaxRegression.Train(["customer", "partner"], [.. risks.Select(e => e.Features)], [.. risks.Select(e => e.Message.Kind)], knobs.L2),
            Severity = SoftmaxRegression.Train(["low", "medium", "high"], [.. rated.Select(e => e.Features)], [.. rated.Select(e => e.Message.Severity!)], knobs.L2),
            Neighbours = NearestNeighbours.Build([.. set.Select(e => e.Features)], [.. set.Select(e => e.Message.IsRisk)], embedder.Dimensions, knobs.NeighbourCount, NeighbourSharpness),
        };
    }

    /// <summary>Folds that deal the messages out in turn (message i in fold i mod n).</summary>
    public static int[] KFolds(int count, int folds) => [.. Enumerable.Range(0, count).Select(i => i % folds)];

    /// <summary>
    /// One fold per writer, named by the id's leading letters (t: the model's author, e and b: the former blind
    /// evaluation sets, ta and tb: two writers who saw neither corpus nor model): how the model does on a voice it never saw.
    /// </summary>
    public static int[] WriterFolds(IReadOnlyList<ChurnExample> set, out string[] writers)
    {
        var prefixes = set.Select(e => new string([.. e.Message.Id.TakeWhile(char.IsLetter)])).ToArray();
        var names = prefixes.Distinct().ToArray();
        writers = names;
        return [.. prefixes.Select(p => Array.IndexOf(names, p))];
    }

    /// <summary>Cross-validation over the given folds: precision, recall and kind accuracy on the held-out messages.</summary>
    public (double Precision, double Recall, double Kind) CrossValidate(IReadOnlyList<ChurnExample> set, IReadOnlyList<int> folds, ChurnTrainingKnobs? knobs = null)
    {
        int tp = 0, fp = 0, fn = 0, kinds = 0;
        foreach (var fold in folds.Distinct())
        {
            var model = Train([.. set.Where((_, i) => folds[i] != fold)], "", knobs);
            for (var i = 0; i < set.Count; i++)
            {
                if (folds[i] != fold) continue;
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

    /// <summary>
    /// Risk precision and recall of every combination of the knobs over the given folds; the risk head is fitted once
    /// per fold and regularisation, the neighbours once per fold and count, so a grid costs little more than one run.
    /// </summary>
    public IEnumerable<(ChurnTrainingKnobs Knobs, double Precision, double Recall)> Sweep(
        IReadOnlyList<ChurnExample> set, IReadOnlyList<int> folds, IReadOnlyList<double> l2s, IReadOnlyList<int> counts,
        IReadOnlyList<double> weights, IReadOnlyList<double> thresholds)
    {
        foreach (var l2 in l2s)
        {
            var head = new double[set.Count];
            var neighbours = new double[counts.Count, set.Count];
            foreach (var fold in folds.Distinct())
            {
                var train = set.Where((_, i) => folds[i] != fold).ToList();
                var risk = SoftmaxRegression.Train(["none", "risk"], [.. train.Select(e => e.Features)], [.. train.Select(e => e.Message.IsRisk ? "risk" : "none")], l2);
                var knn = counts.Select(k => NearestNeighbours.Build([.. train.Select(e => e.Features)], [.. train.Select(e => e.Message.IsRisk)], embedder.Dimensions, k, NeighbourSharpness)).ToArray();
                for (var i = 0; i < set.Count; i++)
                {
                    if (folds[i] != fold) continue;
                    head[i] = risk.Probability(set[i].Features, "risk");
                    for (var c = 0; c < counts.Count; c++) neighbours[c, i] = knn[c].RiskProbability(set[i].Features.AsSpan(0, embedder.Dimensions));
                }
            }
            for (var c = 0; c < counts.Count; c++)
                foreach (var weight in weights)
                    foreach (var threshold in thresholds)
                    {
                        int tp = 0, fp = 0, fn = 0;
                        for (var i = 0; i < set.Count; i++)
                        {
                            var rules = set[i].Rules;
                            var risk = (1 - weight) * head[i] + weight * neighbours[c, i] >= threshold || (rules.IsRisk && rules.Score >= RulesStandAt);
                            if (risk && set[i].Message.IsRisk) tp++;
                            else if (risk) fp++;
                            else if (set[i].Message.IsRisk) fn++;
                        }
                        yield return (new ChurnTrainingKnobs(threshold, weight, counts[c], l2), tp / (double)Math.Max(1, tp + fp), tp / (double)Math.Max(1, tp + fn));
                    }
        }
    }

    public static string Sha256Of(string path) => Convert.ToHexString(SHA256.HashData(File.ReadAllBytes(path))).ToLowerInvariant();
}
