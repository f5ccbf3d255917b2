using EngageBot.Features.ChurnRisk.Detection;
using EngageBot.Features.ChurnRisk.Evaluation;
using EngageBot.TestSupport;

namespace EngageBot.Tests.ChurnRisk;

/// <summary>
/// The labelled sets under data/: dev (from the issue), holdout and fresh (written before the rules were tuned), and
/// eval-b (written blind, by someone who saw neither the training corpus in models/churn nor the model; never trained
/// or tuned on). The first evaluation set, once studied, joined the corpus (ids e001-e168).
/// </summary>
public static class LabelledMessages
{
    public static string DataDirectory => Path.Combine(RepoPaths.Root, "tests", "EngageBot.Tests", "ChurnRisk", "data");

    public static IReadOnlyList<LabelledChurnMessage> Load(string set) => LabelledChurnMessage.Read(Path.Combine(DataDirectory, $"churn-{set}.jsonl"));

    public static IReadOnlyList<CustomerName> Customers(string set) =>
        LabelledChurnMessage.ReadCustomers(Path.Combine(DataDirectory, $"churn-{set}-customers.txt"));
}
