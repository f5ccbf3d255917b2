using EngageBot.Features.ChurnRisk.Detection;

namespace EngageBot.Tests.ChurnRisk;

/// <summary>Risk-versus-none precision and recall, and how often a detected customer risk names the labelled customer.</summary>
public sealed record ChurnEvaluation(int TruePositives, int FalsePositives, int FalseNegatives, int CustomerRisksDetected, int CustomersRight, IReadOnlyList<string> Errors)
{
    public double Precision => TruePositives + FalsePositives == 0 ? 1 : (double)TruePositives / (TruePositives + FalsePositives);

    public double Recall => TruePositives + FalseNegatives == 0 ? 1 : (double)TruePositives / (TruePositives + FalseNegatives);

    public double CustomerAccuracy => CustomerRisksDetected == 0 ? 1 : (double)CustomersRight / CustomerRisksDetected;

    public static async Task<ChurnEvaluation> RunAsync(IChurnDetector detector, IReadOnlyList<LabelledMessage> set, IReadOnlyList<CustomerName> customers)
    {
        int tp = 0, fp = 0, fn = 0, detected = 0, right = 0;
        var errors = new List<string>();
        foreach (var m in set)
        {
            var signal = await detector.DetectAsync(m.Text, customers);
            var risk = m.Kind != "none";
            if (risk && signal.IsRisk) tp++;
            else if (signal.IsRisk) { fp++; errors.Add($"false positive {m.Id}: {string.Join("; ", signal.Reasons)}"); }
            else if (risk) { fn++; errors.Add($"missed {m.Id}: {string.Join("; ", signal.Reasons)}"); }
            if (m.Kind == "customer" && signal.Kind == ChurnKind.Customer)
            {
                detected++;
                if (signal.Customer == m.Customer) right++;
                else errors.Add($"customer {m.Id}: got {signal.Customer ?? "null"}, want {m.Customer ?? "null"}");
            }
        }
        return new(tp, fp, fn, detected, right, errors);
    }

    public override string ToString() =>
        $"precision {Precision:0.000}, recall {Recall:0.000}, customer {CustomersRight}/{CustomerRisksDetected}\n" + string.Join("\n", Errors);
}
