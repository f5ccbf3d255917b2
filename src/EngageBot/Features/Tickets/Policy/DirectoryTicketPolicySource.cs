using EngageBot.Channels;
using EngageBot.Features.Directory;
using EngageBot.Features.Directory.Model;
using Microsoft.Extensions.Options;

namespace EngageBot.Features.Tickets.Policy;

/// <summary>
/// The ticket feature's view of the partner directory. Reads go to the directory's cached snapshot, so mapping on
/// every call is cheap; values the directory does not carry (reopen window, escalation delay) come from TicketsOptions.
/// </summary>
public sealed class DirectoryTicketPolicySource(IPartnerDirectory directory, IDirectoryLookup lookup, IOptions<TicketsOptions> options)
    : ITicketPolicySource
{
    public Task<string?> FindPartnerIdByChannelAsync(ChatPlatform platform, string channelId, CancellationToken cancellationToken = default) =>
        lookup.FindPartnerIdByChannelAsync(platform, channelId, cancellationToken);

    public async Task<PartnerTicketPolicy?> GetPartnerPolicyAsync(string partnerId, CancellationToken cancellationToken = default)
    {
        if (await directory.GetPartnerAsync(partnerId, cancellationToken) is not { } partner) return null;
        // The importer guarantees every tier has a policy; a missing one means a directory bug, so refuse rather than guess targets.
        if (await directory.GetSlaPolicyAsync(partner.Tier, cancellationToken) is not { } sla) return null;
        var calendar = await directory.GetCalendarForPartnerAsync(partnerId, cancellationToken) ?? BusinessCalendar.DefaultFor(partner);
        var triage = partner.Platforms.Where(p => p.Value.TriageChannelId is { Length: > 0 }).ToDictionary(p => p.Key, p => p.Value.TriageChannelId!);
        var settings = options.Value;
        return new PartnerTicketPolicy(
            partner.Id,
            partner.Name,
            partner.Tier,
            partner.TicketMode == Directory.Model.TicketMode.QuestionsOnly ? TicketMode.QuestionsOnly : TicketMode.EveryTopLevelMessage,
            calendar.ToSpec(),
            new SlaPolicy(Map(sla.Normal), Map(sla.Urgent), sla.WarningFraction),
            settings.ReopenWindow,
            settings.BreachEscalationDelay,
            new EscalationChain(partner.OwnerId, partner.BackupOwnerId, partner.ExecutiveSponsorId),
            triage);
    }

    public async Task<TicketPerson?> GetPersonAsync(string personId, CancellationToken cancellationToken = default) =>
        await directory.GetPersonAsync(personId, cancellationToken) is { } person ? Map(person) : null;

    public async Task<TicketPerson?> FindInternalPersonAsync(ChatPlatform platform, string platformUserId, CancellationToken cancellationToken = default)
    {
        if (await lookup.FindPersonAsync(platform, platformUserId, cancellationToken) is not { } summary) return null;
        // The summary lacks working hours; the full record comes from the same snapshot.
        return await GetPersonAsync(summary.Id, cancellationToken)
            ?? new TicketPerson(summary.Id, summary.Name, [new PlatformUserId(platform, platformUserId)]);
    }

    private static SlaTargets Map(Directory.Model.SlaTargets t) => new(t.FirstResponse, t.NextResponse, t.Resolution);

    // A person is nudged on working days within their hours in their own zone; without both, any time.
    private static TicketPerson Map(Person p) => new(p.Id, p.Name, p.Identities, p.WorkingCalendar());
}
