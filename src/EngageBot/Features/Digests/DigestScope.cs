using EngageBot.Features.Directory;
using EngageBot.Features.Directory.Model;

namespace EngageBot.Features.Digests;

/// <summary>
/// Whose partners a person may see in a digest. An executive: the partners they sponsor (or every partner, when
/// configured so or when they sponsor none). A partner manager: the partners they own or back up, which is how the
/// directory grants a manager another's partners. Anyone else, partner-side people above all, gets none.
/// </summary>
public static class DigestScope
{
    public sealed record Result(IReadOnlyList<Partner> Partners, string Name);

    public static Result? For(DirectorySnapshot directory, Person person, ExecutiveScope executiveScope)
    {
        var partners = new HashSet<Partner>();
        var names = new List<string>();
        if (person.HasRole(PersonRole.Executive))
        {
            var sponsored = directory.Partners.Where(p => p.ExecutiveSponsorId == person.Id).ToList();
            if (executiveScope == ExecutiveScope.All || sponsored.Count == 0)
            {
                partners.UnionWith(directory.Partners);
                names.Add("all partners");
            }
            else
            {
                partners.UnionWith(sponsored);
                names.Add("partners you sponsor");
            }
        }
        if (person.HasRole(PersonRole.Manager) && partners.Count < directory.Partners.Count)
        {
            var portfolio = directory.Partners.Where(p => p.OwnerId == person.Id || p.BackupOwnerId == person.Id).ToList();
            if (portfolio.Count > 0)
            {
                partners.UnionWith(portfolio);
                names.Add("your portfolio");
            }
        }
        return names.Count == 0 ? null : new Result(partners.OrderBy(p => p.Id, StringComparer.Ordinal).ToList(), string.Join(" and ", names));
    }

    /// <summary>The zone a person reads their digest in.</summary>
    public static TimeZoneInfo ZoneOf(Person person, DigestOptions options) =>
        person.TimeZone is { } id && TimeZoneInfo.TryFindSystemTimeZoneById(id, out var zone) ? zone : TimeZoneInfo.FindSystemTimeZoneById(options.DefaultTimeZone);
}
