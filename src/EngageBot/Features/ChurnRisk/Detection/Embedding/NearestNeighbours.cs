namespace EngageBot.Features.ChurnRisk.Detection.Embedding;

/// <summary>
/// The risk share among the k training messages whose sentence vectors are nearest (cosine), each weighted by
/// exp(sharpness × similarity). A linear head draws one boundary through the whole vector space; neighbours follow
/// the corpus's local phrasings ("went dark", "asked for the notice period") that a single boundary averages away.
/// Blended with the risk head it lifted cross-validated recall by five points at the same precision, also when whole
/// sets written by other people were held out. The vectors are stored as signed bytes (unit vectors × 127, base64):
/// a few hundred KiB, and a scan of about two thousand of them costs well under a millisecond.
/// </summary>
public sealed class NearestNeighbours
{
    private const float Quantum = 127f;

    private sbyte[]? _decoded;

    public required int K { get; init; }

    public required double Sharpness { get; init; }

    public required int Dimensions { get; init; }

    /// <summary>Each training message's vector, <see cref="Dimensions"/> signed bytes each, base64.</summary>
    public required string Vectors { get; init; }

    /// <summary>Whether each training message is a risk, in the order of <see cref="Vectors"/>.</summary>
    public required bool[] Risk { get; init; }

    private sbyte[] Decoded => _decoded ??= (sbyte[])(Array)Convert.FromBase64String(Vectors);

    public static NearestNeighbours Build(IReadOnlyList<float[]> embeddings, IReadOnlyList<bool> risk, int dimensions, int k, double sharpness)
    {
        var bytes = new byte[embeddings.Count * dimensions];
        for (var n = 0; n < embeddings.Count; n++)
            for (var i = 0; i < dimensions; i++)
                bytes[n * dimensions + i] = unchecked((byte)(sbyte)Math.Clamp(MathF.Round(embeddings[n][i] * Quantum), -Quantum, Quantum));
        return new NearestNeighbours { K = k, Sharpness = sharpness, Dimensions = dimensions, Vectors = Convert.ToBase64String(bytes), Risk = [.. risk] };
    }

    /// <summary>The weighted risk share among the nearest neighbours of a unit vector (the first <see cref="Dimensions"/> features).</summary>
    public double RiskProbability(ReadOnlySpan<float> embedding)
    {
        var vectors = Decoded;
        var k = Math.Min(K, Risk.Length);
        Span<double> bestSimilarity = stackalloc double[k];
        Span<int> bestIndex = stackalloc int[k];
        bestSimilarity.Fill(double.NegativeInfinity);
        for (var n = 0; n < Risk.Length; n++)
        {
            var row = vectors.AsSpan(n * Dimensions, Dimensions);
            var dot = 0f;
            for (var i = 0; i < row.Length; i++) dot += row[i] * embedding[i];
            double similarity = dot / Quantum;
            if (similarity <= bestSimilarity[k - 1]) continue;
            var at = k - 1;
            for (; at > 0 && bestSimilarity[at - 1] < similarity; at--)
            {
                bestSimilarity[at] = bestSimilarity[at - 1];
                bestIndex[at] = bestIndex[at - 1];
            }
            bestSimilarity[at] = similarity;
            bestIndex[at] = n;
        }
        double risky = 0, total = 0;
        for (var j = 0; j < k; j++)
        {
            var weight = Math.Exp(Sharpness * (bestSimilarity[j] - bestSimilarity[0]));
            total += weight;
            if (Risk[bestIndex[j]]) risky += weight;
        }
        return total == 0 ? 0 : risky / total;
    }

    internal void Check(string source, int dimensions)
    {
        if (Dimensions != dimensions || K < 1 || Risk.Length == 0 || Decoded.Length != Risk.Length * Dimensions)
            throw new InvalidDataException($"{source}: the neighbours do not match {dimensions}-dimension vectors; retrain with engagebot churn-model train");
    }
}
