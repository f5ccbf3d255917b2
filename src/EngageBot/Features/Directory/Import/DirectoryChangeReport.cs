namespace EngageBot.Features.Directory.Import;

/// <summary>What an import did (or, for a dry comparison, would do), in the order partners, people, customers, policies, calendars.</summary>
public sealed record DirectoryChangeReport(long Version, IReadOnlyList<DirectoryChange> Changes, IReadOnlyList<string> Notes)
{
    public bool HasChanges => Changes.Count > 0;

    public IEnumerable<string> Lines()
    {
        if (!HasChanges) yield return "no changes";
        else
        {
            yield return $"directory version {Version}: " + string.Join(", ", Changes
                .GroupBy(c => (c.Kind, c.Change))
                .Select(g => $"{g.Count()} {Plural(g.Key.Kind, g.Count())} {g.Key.Change.ToString().ToLowerInvariant()}"));
            foreach (var c in Changes)
                yield return c.Change switch
                {
                    ChangeKind.Added => $"  + {c.Kind} '{c.Id}'",
                    ChangeKind.Removed => $"  - {c.Kind} '{c.Id}'",
                    _ => $"  ~ {c.Kind} '{c.Id}': {string.Join(", ", c.Fields)}",
                };
        }
        foreach (var note in Notes) yield return "note: " + note;
    }

    private static string Plural(string kind, int count) => count == 1 ? kind : kind switch
    {
        "person" => "people",
        "policy" => "policies",
        _ => kind + "s",
    };
}
