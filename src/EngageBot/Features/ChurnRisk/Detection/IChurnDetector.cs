namespace EngageBot.Features.ChurnRisk.Detection;

/// <summary>
/// Classifies one partner-side message as churn risk (a joint customer or the partner itself) or none.
/// Implementations never throw for bad or hostile text; a failing model falls back to the rules.
/// </summary>
public interface IChurnDetector
{
    /// <summary>Classifies <paramref name="text"/>, naming the customer only if it is one of <paramref name="customers"/>.</summary>
    Task<ChurnSignal> DetectAsync(string text, IReadOnlyList<CustomerName> customers, CancellationToken cancellationToken = default);
}
