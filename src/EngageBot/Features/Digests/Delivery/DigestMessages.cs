using EngageBot.Cards;
using EngageBot.Cards.Charts;
using EngageBot.Channels;
using EngageBot.Features.Digests.Cards;
using EngageBot.Features.Directory;
using EngageBot.Features.Directory.Model;
using Microsoft.Extensions.Options;

namespace EngageBot.Features.Digests.Delivery;

/// <summary>
/// Builds a person's digest and its message: the card (cards/executive-digest.json, Teams' chart elements with table
/// fallbacks; Slack gets it as Block Kit) and its charts as data, and where to send it. No outbox here: `digest preview`
/// composes offline, where the platforms' settings are not even checked.
/// </summary>
public sealed class DigestMessages(IPartnerDirectory directory, DigestBuilder builder, CardLibrary cards, IOptions<DigestOptions> options,
    ChatPlatforms platforms)
{
    public sealed record Composed(Digest Digest, OutboundMessage Message, IReadOnlyList<ChartSpec> Charts);

    /// <summary>The digest of <paramref name="week"/> for <paramref name="person"/>'s scope; null when they may see no partner.</summary>
    public async Task<Composed?> ComposeAsync(Person person, IsoWeek week, CancellationToken ct)
    {
        var snapshot = await directory.GetSnapshotAsync(ct);
        if (DigestScope.For(snapshot, person, options.Value.ExecutiveScope) is not { } scope) return null;
        var digest = await builder.BuildAsync(scope.Partners, week, DigestScope.ZoneOf(person, options.Value), scope.Name, ct);
        return Compose(digest);
    }

    public Composed Compose(Digest digest)
    {
        var charts = DigestCharts.For(digest);
        var card = cards.Expand(CardNames.ExecutiveDigest, DigestCardData.For(digest, charts));
        // Teams draws the card's chart elements; Slack shows the card's tables and, below them, these charts as pictures.
        return new Composed(digest, new OutboundMessage(Summary(digest), card, Charts: charts), charts);
    }

    /// <summary>
    /// Where a person's digest goes: a platform that draws the card's charts (Teams) when they are on one, else the first
    /// platform they are on (Slack gets the card's tables and the pictures); null when they are on none.
    /// </summary>
    public DeliveryTarget? TargetFor(Person person) =>
        (person.Identities.FirstOrDefault(i => platforms.Describe(i.Platform).RendersCardCharts) ?? person.Identities.FirstOrDefault()) is { } id
            ? DeliveryTarget.Direct(id.Platform, id.UserId)
            : null;

    /// <summary>The notification text (and what shows where cards do not).</summary>
    public static string Summary(Digest d) =>
        $"Partner digest, week {d.Week}: {d.Current.ActivePartners} of {d.Current.Partners} partners active, "
        + $"first response in SLA {DigestFormat.Percent(d.Current.FirstResponseSla.Rate)}, "
        + $"{d.Current.OpenRisks.Values.Sum()} open churn risks, {d.Attention.Count} partners needing attention.";
}
