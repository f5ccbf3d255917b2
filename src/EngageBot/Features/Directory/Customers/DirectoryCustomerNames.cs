using EngageBot.Features.ChurnRisk.Detection;

namespace EngageBot.Features.Directory.Customers;

/// <summary>The directory's joint customers as the churn detectors match them: every name and alias.</summary>
public sealed class DirectoryCustomerNames(IPartnerDirectory directory) : ICustomerNameSource
{
    public async Task<IReadOnlyList<CustomerName>> GetCustomerNamesAsync(CancellationToken cancellationToken = default)
    {
        var snapshot = await directory.GetSnapshotAsync(cancellationToken);
        return CustomerName.From(snapshot.Content.Customers.SelectMany(c => c.Aliases.Prepend(c.Name)));
    }
}
