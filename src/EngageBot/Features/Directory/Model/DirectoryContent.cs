namespace EngageBot.Features.Directory.Model;

/// <summary>One complete, validated directory: what a YAML file holds and what a stored snapshot holds. Lists are sorted by id.</summary>
public sealed record DirectoryContent(
    IReadOnlyList<Partner> Partners,
    IReadOnlyList<Person> People,
    IReadOnlyList<Customer> Customers,
    IReadOnlyList<SlaPolicy> Policies,
    IReadOnlyList<BusinessCalendar> Calendars)
{
    public static DirectoryContent Empty { get; } = new([], [], [], [], []);
}
