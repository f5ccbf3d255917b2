using System.Text.Json;

namespace EngageBot.Features.ChurnRisk.Detection.Embedding;

/// <summary>
/// The trained heads over <see cref="ChurnFeatures"/>: risk or none (the risk head blended with the nearest training
/// messages), customer or partner, and severity. Written by
/// "engagebot churn-model train" as JSON (models/churn/churn-classifier.json, built into the assembly); a
/// retrained file can be used instead through EngageBot:ChurnRisk:Detection:ClassifierPath.
/// </summary>
public sealed class ChurnClassifier
{
    public const string EmbeddedResource = "EngageBot.churn-classifier.json";

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { WriteIndented = false };

    public required string EmbeddingModel { get; init; }

    public required int Dimensions { get; init; }

    /// <summary>Risk when the blended risk probability reaches this.</summary>
    public required double RiskThreshold { get; init; }

    /// <summary>
    /// The share of the neighbours' vote in the risk probability; the risk head has the rest.
    /// </summary>
    public required double NeighbourWeight { get; init; }

    /// <summary>How many labelled messages, and the SHA-256 of the corpus file, for telling weights apart.</summary>
    public required int TrainedOn { get; init; }

    public required string CorpusSha256 { get; init; }

    public required SoftmaxRegression Risk { get; init; }

    public required SoftmaxRegression Kind { get; init; }

    public required SoftmaxRegression Severity { get; init; }

    public required NearestNeighbours Neighbours { get; init; }

    public double RiskProbability(float[] features, int[] ngrams) =>
        (1 - NeighbourWeight) * Risk.Probability(features, "risk", ngrams) + NeighbourWeight * Neighbours.RiskProbability(features.AsSpan(0, Dimensions));

    /// <summary>
    /// Risk or none: the blended probability at or above the threshold. The rules' verdict is one of the features, never
    /// an override: with the n-grams, letting explicit cues stand on their own added 7 risks and 21 false positives in
    /// cross-validation grouped by writer ("Kestrel IT is leaving your partner program", about another partner).
    /// </summary>
    public bool IsRisk(double riskProbability) => riskProbability >= RiskThreshold;

    public static ChurnClassifier Load(string? path)
    {
        using var stream = path is null
            ? typeof(ChurnClassifier).Assembly.GetManifestResourceStream(EmbeddedResource) ?? throw new InvalidOperationException($"{EmbeddedResource} is not built into the assembly")
            : File.OpenRead(path);
        var classifier = JsonSerializer.Deserialize<ChurnClassifier>(stream, Json) ?? throw new InvalidDataException("empty churn classifier file");
        classifier.Check(path ?? EmbeddedResource);
        return classifier;
    }

    public void Save(string path) => File.WriteAllText(path, JsonSerializer.Serialize(this, Json) + "\n");

    private void Check(string source)
    {
        var features = Dimensions + ChurnFeatures.RulesCount;
        foreach (var (head, classes) in new[] { (Risk, "none,risk"), (Kind, "customer,partner"), (Severity, "low,medium,high") })
        {
            if (string.Join(',', head.Classes) != classes)
                throw new InvalidDataException($"{source}: a head does not have the classes {classes}; retrain with engagebot churn-model train");
            head.Check(source, features);
        }
        if (RiskThreshold is <= 0 or >= 1) throw new InvalidDataException($"{source}: riskThreshold must be between 0 and 1");
        if (NeighbourWeight is < 0 or > 1) throw new InvalidDataException($"{source}: neighbourWeight must be between 0 and 1");
        Neighbours.Check(source, Dimensions);
    }
}
