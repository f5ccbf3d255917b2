using EngageBot.Channels;
using EngageBot.Features.CheckIns;
using EngageBot.Features.ChurnRisk.Escalation;
using EngageBot.Features.Directory;
using EngageBot.Features.Directory.Model;
using EngageBot.Features.Feedback;
using EngageBot.Features.Interactions;
using EngageBot.Features.Tickets.Storage;
using EngageBot.Scheduling.Calendars;

namespace EngageBot.Features.Digests.Loading;

/// <summary>
/// Reads everything a digest (or a health score) needs about a set of partners, partner by partner: each read is one
/// partition's index range on both adapters (the interaction log's time rows, the ticket and risk history indexes,
/// feedback's time rows, check-ins), never a scan across partners. A few partners load at once to hide Table Storage's
/// per-request latency; interactions stream and only the instants that matter are kept.
/// </summary>
public sealed class DigestFactsLoader(
    IInteractionLog log,
    TicketStore tickets,
    ChurnRiskStore risks,
    FeedbackStore feedback,
    CheckInStore checkIns)
{
    private const int PartnersInParallel = 4;

    // What a partner-side person does on purpose; joins, edits and deletions are not engagement.
    private static readonly HashSet<string> EngagedKinds = new(StringComparer.Ordinal)
        { "message", "reply", "direct", "reaction-added", "card-action", "command", "message-action" };

    public async Task<IReadOnlyList<PartnerFacts>> LoadAsync(DirectorySnapshot directory, IReadOnlyList<Partner> partners, DigestPeriod period, CancellationToken ct)
    {
        var results = new PartnerFacts[partners.Count];
        await Parallel.ForEachAsync(Enumerable.Range(0, partners.Count),
            new ParallelOptions { MaxDegreeOfParallelism = PartnersInParallel, CancellationToken = ct },
            async (i, token) => results[i] = await LoadOneAsync(directory, partners[i], period, token));
        return results;
    }

    public async Task<PartnerFacts> LoadOneAsync(DirectorySnapshot directory, Partner partner, DigestPeriod period, CancellationToken ct)
    {
        var messages = new List<DateTimeOffset>();
        await foreach (var i in log.QueryAsync(partner.Id, period.InteractionsFrom, period.End, ct))
        {
            if (i.Direction == InteractionDirection.Inbound && i.AuthorKind == AuthorKind.Partner && EngagedKinds.Contains(i.Kind))
                messages.Add(i.Timestamp);
        }
        var partnerTickets = await tickets.ListOpenedByPartnerAsync(partner.Id, period.TicketsFrom, period.End, ct).ToListAsync(ct);
        var partnerRisks = await risks.ListByPartnerAsync(partner.Id, period.End, ct).ToListAsync(ct);
        var partnerFeedback = await feedback.ListAsync(partner.Id, period.FeedbackFrom, cancellationToken: ct)
            .Where(f => f.CreatedAt < period.End).ToListAsync(ct);
        var partnerCheckIns = await checkIns.ListAsync(partner.Id, ct).Where(c => c.PostedAt < period.End).ToListAsync(ct);
        var calendar = new BusinessHoursCalendar((directory.CalendarFor(partner.Id) ?? BusinessCalendar.DefaultFor(partner)).ToSpec());
        var hasChannel = partner.Slack.ChannelIds.Count > 0 || partner.Teams.ChannelIds.Count > 0 || directory.ChatLinks.Any(l => l.PartnerId == partner.Id);
        messages.Sort();
        return new PartnerFacts(partner, calendar, hasChannel, messages, partnerTickets, partnerRisks, partnerFeedback, partnerCheckIns);
    }
}
