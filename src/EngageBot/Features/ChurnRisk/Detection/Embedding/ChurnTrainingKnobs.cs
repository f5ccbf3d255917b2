namespace EngageBot.Features.ChurnRisk.Detection.Embedding;

/// <summary>
/// The classifier's global settings, chosen by cross-validation on the corpus (5-fold and grouped by writer), never
/// per message: the risk threshold, the neighbours' share of the blend and count, and the heads' L2 regularisation.
/// </summary>
public sealed record ChurnTrainingKnobs(double Threshold, double NeighbourWeight, int NeighbourCount, double L2)
{
    public static readonly ChurnTrainingKnobs Default = new(Threshold: 0.50, NeighbourWeight: 0.5, NeighbourCount: 40, L2: 3e-4);

    public override string ToString() => $"threshold {Threshold:0.00}  neighbours {NeighbourCount} × {NeighbourWeight:0.00}  l2 {L2:0.####}";
}
