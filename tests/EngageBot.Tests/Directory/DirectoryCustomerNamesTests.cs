using EngageBot.Features.Directory.Customers;

namespace EngageBot.Tests.Directory;

public sealed class DirectoryCustomerNamesTests : IDisposable
{
    private readonly DirectoryHarness _directory = new();

    [Fact]
    public async Task Churn_detection_gets_every_customer_name_and_alias_from_the_directory()
    {
        await _directory.ImportAsync(DirectoryYaml.Sample);

        var names = (await new DirectoryCustomerNames(_directory.Reader).GetCustomerNamesAsync()).Select(n => n.Value).ToList();

        Assert.Contains("Contoso Retail Group", names);
        Assert.Contains("CRG", names);
        Assert.Equal(names.Count, names.Distinct(StringComparer.OrdinalIgnoreCase).Count());
    }

    [Fact]
    public async Task An_empty_directory_means_no_names()
    {
        Assert.Empty(await new DirectoryCustomerNames(_directory.Reader).GetCustomerNamesAsync());
    }

    public void Dispose() => _directory.Dispose();
}
