namespace EngageBot.Features.ChurnRisk.Detection.Embedding;

/// <summary>
/// The classifier's global settings, chosen by cross-validation on the corpus (5-fold and grouped by writer), never
/// per message: the risk threshold, the neighbours' share of the blend and count, and the heads' L2 regularisation of
/// the dense features and of the n-gram weights.
/// </summary>
public sealed record ChurnTrainingKnobs(double Threshold, double NeighbourWeight, int NeighbourCount, double L2, double NgramL2 = 3e-5)
{
    public static readonly ChurnTrainingKnobs Default = new(Threshold: 0.54, NeighbourWeight: 0.4, NeighbourCount: 20, L2: 3e-4, NgramL2: 3e-5);

    public override string ToString() => $"threshold {Threshold:0.00}  neighbours {NeighbourCount} × {NeighbourWeight:0.00}  l2 {L2:0.####}  n-gram l2 {NgramL2:0.#####}";
}
