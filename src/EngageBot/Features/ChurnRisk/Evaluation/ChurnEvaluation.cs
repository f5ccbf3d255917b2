using EngageBot.Features.ChurnRisk.Detection;

namespace EngageBot.Features.ChurnRisk.Evaluation;

/// <summary>
/// How a detector does on a labelled set: risk-versus-none precision and recall; among risks it caught, how often the
/// kind (customer/partner) is right; among customer risks caught as such, how often the customer is the labelled one
/// (null included); among risks with a labelled severity, how often the severity matches.
/// </summary>
public sealed record ChurnEvaluation(int TruePositives, int FalsePositives, int FalseNegatives, int KindsRight, int CustomerRisksDetected,
    int CustomersRight, int SeveritiesLabelled, int SeveritiesRight, IReadOnlyList<string> Errors)
{
    public double Precision => Ratio(TruePositives, TruePositives + FalsePositives);

    public double Recall => Ratio(TruePositives, TruePositives + FalseNegatives);

    public double KindAccuracy => Ratio(KindsRight, TruePositives);

    public double CustomerAccuracy => Ratio(CustomersRight, CustomerRisksDetected);

    public double SeverityAccuracy => Ratio(SeveritiesRight, SeveritiesLabelled);

    public static async Task<ChurnEvaluation> RunAsync(IChurnDetector detector, IReadOnlyList<LabelledChurnMessage> set, IReadOnlyList<CustomerName> customers,
        CancellationToken cancellationToken = default)
    {
        int tp = 0, fp = 0, fn = 0, kinds = 0, detected = 0, right = 0, severities = 0, severitiesRight = 0;
        var errors = new List<string>();
        foreach (var m in set)
        {
            var signal = await detector.DetectAsync(m.Text, customers, cancellationToken);
            if (!m.IsRisk)
            {
                if (signal.IsRisk) { fp++; errors.Add($"false positive {m.Id}: {string.Join("; ", signal.Reasons)}"); }
                continue;
            }
            if (!signal.IsRisk) { fn++; errors.Add($"missed {m.Id}: {string.Join("; ", signal.Reasons)}"); continue; }
            tp++;
            if (Label(signal.Kind) == m.Kind) kinds++;
            else errors.Add($"kind {m.Id}: got {Label(signal.Kind)}, want {m.Kind}");
            if (m.Severity is not null)
            {
                severities++;
                if (signal.Severity?.ToString().ToLowerInvariant() == m.Severity) severitiesRight++;
            }
            if (m.Kind == "customer" && signal.Kind == ChurnKind.Customer)
            {
                detected++;
                if (string.Equals(signal.Customer, m.Customer, StringComparison.OrdinalIgnoreCase)) right++;
                else errors.Add($"customer {m.Id}: got {signal.Customer ?? "null"}, want {m.Customer ?? "null"}");
            }
        }
        return new(tp, fp, fn, kinds, detected, right, severities, severitiesRight, errors);
    }

    public string Summary =>
        $"precision {Precision:0.000}  recall {Recall:0.000}  kind {KindAccuracy:0.000}  customer {CustomerAccuracy:0.000} ({CustomersRight}/{CustomerRisksDetected})  severity {SeverityAccuracy:0.000}";

    public override string ToString() => Summary + "\n" + string.Join("\n", Errors);

    private static string Label(ChurnKind kind) => kind.ToString().ToLowerInvariant();

    private static double Ratio(int part, int whole) => whole == 0 ? 1 : (double)part / whole;
}
