using EngageBot.Channels;
using EngageBot.Features.Digests.Health;
using EngageBot.Features.Directory;
using EngageBot.Features.Directory.Model;

namespace EngageBot.Features.Nudges;

/// <summary>
/// An owner's nudge for a day: each of their partners that needs them, with reasons and health score, in partner-name order.
/// </summary>
public sealed class ManagerNudgeComposer(PartnerNudgeFinder finder, PartnerHealthService? health = null)
{
    public async Task<ManagerNudge> ComposeAsync(Person owner, IReadOnlyList<Partner> partners, DateOnly day, DirectorySnapshot snapshot, DateTimeOffset now,
        CancellationToken ct)
    {
        var lines = new List<(Partner Partner, PartnerNudgeLine Line)>();
        foreach (var partner in partners)
            if (await finder.FindAsync(partner, snapshot, now, ct) is { } line) lines.Add((partner, line));
        if (health is not null && lines.Count > 0)
        {
            var scores = (await health.ForAsync(lines.Select(l => l.Partner.Id).ToList(), ct)).ToDictionary(h => h.PartnerId);
            lines = lines.Select(l => scores.TryGetValue(l.Partner.Id, out var h)
                ? (l.Partner, l.Line with { Health = $"health {h.Score}/100: {h.Reason}" }) : l).ToList();
        }
        return new ManagerNudge(owner, day, lines.OrderBy(l => l.Line.PartnerName, StringComparer.OrdinalIgnoreCase).Select(l => l.Line).ToList(),
            MostUsedPlatform(lines.Select(l => l.Partner), snapshot));
    }

    // The platform most of the listed partners' channels are on (by name on a tie): where the owner works with them.
    private static ChatPlatform MostUsedPlatform(IEnumerable<Partner> partners, DirectorySnapshot snapshot) =>
        partners.SelectMany(snapshot.SharedChannels).GroupBy(c => c.Platform).OrderByDescending(g => g.Count()).ThenBy(g => g.Key)
            .Select(g => g.Key).FirstOrDefault();
}
