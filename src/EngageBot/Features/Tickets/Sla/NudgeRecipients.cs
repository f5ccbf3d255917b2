using EngageBot.Channels;
using EngageBot.Features.Tickets.Lifecycle;
using EngageBot.Features.Tickets.Policy;

namespace EngageBot.Features.Tickets.Sla;

/// <summary>
/// Who a threshold nudges: a warning the assignee (else the owner), a breach the owner, then the escalation chain
/// one step per escalation delay (backup, then executive sponsor).
/// </summary>
public sealed class NudgeRecipients(ITicketPolicySource policies)
{
    public async Task<TicketPerson?> ForAsync(SlaThreshold threshold, Ticket ticket, PartnerTicketPolicy policy, CancellationToken ct)
    {
        var chain = policy.Escalation;
        return threshold.Level switch
        {
            ThresholdLevel.Warning => await AssigneeAsync(ticket, ct) ?? await PersonAsync(chain.OwnerId, ct),
            ThresholdLevel.Breach => await PersonAsync(chain.OwnerId, ct),
            ThresholdLevel.EscalateBackup => await PersonAsync(chain.BackupId, ct),
            ThresholdLevel.EscalateSponsor => await PersonAsync(chain.ExecutiveSponsorId, ct),
            _ => null,
        };
    }

    /// <summary>The recipient's user id on the ticket's platform, else on another they are on.</summary>
    public static (ChatPlatform Platform, string UserId)? Address(TicketPerson person, ChatPlatform preferred) =>
        person.Identities.Preferring(preferred) is { } id ? (id.Platform, id.UserId) : null;

    private async Task<TicketPerson?> AssigneeAsync(Ticket ticket, CancellationToken ct)
    {
        if (ticket.Assignee is not { } a) return null;
        if (a.PersonId is { } id && await policies.GetPersonAsync(id, ct) is { } person) return person;
        // An internal user the directory doesn't know yet: reachable on the ticket's platform, always "at work".
        return new TicketPerson(a.PlatformUserId, a.Display, [new PlatformUserId(ticket.Platform, a.PlatformUserId)]);
    }

    private async Task<TicketPerson?> PersonAsync(string? id, CancellationToken ct) =>
        id is null ? null : await policies.GetPersonAsync(id, ct);
}
