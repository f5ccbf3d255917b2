namespace EngageBot.Features.ChurnRisk.Detection;

/// <summary>
/// The joint customers' names the detectors match against. The partner directory implements it; until it does,
/// the empty default leaves detection working without customer names.
/// </summary>
public interface ICustomerNameSource
{
    /// <summary>All customer names currently in the directory.</summary>
    Task<IReadOnlyList<CustomerName>> GetCustomerNamesAsync(CancellationToken cancellationToken = default);
}

internal sealed class NoCustomerNames : ICustomerNameSource
{
    public Task<IReadOnlyList<CustomerName>> GetCustomerNamesAsync(CancellationToken cancellationToken = default) =>
        Task.FromResult<IReadOnlyList<CustomerName>>([]);
}
