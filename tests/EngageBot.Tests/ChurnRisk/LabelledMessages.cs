using EngageBot.Features.ChurnRisk.Detection;
using EngageBot.Features.ChurnRisk.Evaluation;
using EngageBot.TestSupport;

namespace EngageBot.Tests.ChurnRisk;

/// <summary>
/// The labelled sets under data/: dev (from the issue), holdout and fresh (written before the rules were tuned), and
/// eval-e (written blind, by a writer who saw neither the training corpus in models/churn, the model nor any evaluation
/// set; never trained or tuned on). The earlier blind sets, once studied, joined the corpus (ids e, b, c and d); eval-b,
/// eval-c and eval-d stay here to print their figures.
/// </summary>
public static class LabelledMessages
{
    public static string DataDirectory => Path.Combine(RepoPaths.Root, "tests", "EngageBot.Tests", "ChurnRisk", "data");

    public static IReadOnlyList<LabelledChurnMessage> Load(string set) => LabelledChurnMessage.Read(Path.Combine(DataDirectory, $"churn-{set}.jsonl"));

    public static IReadOnlyList<CustomerName> Customers(string set) =>
        LabelledChurnMessage.ReadCustomers(Path.Combine(DataDirectory, $"churn-{set}-customers.txt"));
}
