using EngageBot.Features.Digests.Loading;
using EngageBot.Features.Directory;
using EngageBot.Features.Directory.Model;

namespace EngageBot.Features.Digests.Health;

/// <summary>Partner health now, from the store: what `partners show` prints and the manager's daily nudge lists.</summary>
public sealed class PartnerHealthService(IPartnerDirectory directory, DigestFactsLoader loader, TimeProvider time)
{
    public async Task<PartnerHealth?> ForAsync(string partnerId, CancellationToken ct) =>
        (await ForAsync([partnerId], ct)).FirstOrDefault();

    /// <summary>The health of each known partner among <paramref name="partnerIds"/> (unknown ids are skipped).</summary>
    public async Task<IReadOnlyList<PartnerHealth>> ForAsync(IReadOnlyCollection<string> partnerIds, CancellationToken ct)
    {
        var snapshot = await directory.GetSnapshotAsync(ct);
        var partners = partnerIds.Select(snapshot.Partner).OfType<Partner>().ToList();
        var now = time.GetUtcNow();
        var facts = await loader.LoadAsync(snapshot, partners, new DigestPeriod(IsoWeek.Of(now, TimeZoneInfo.Utc), TimeZoneInfo.Utc), ct);
        return facts.Select(f => PartnerHealthCalculator.Compute(f, now)).ToList();
    }
}
