using EngageBot.Features.Tickets.Policy;
using EngageBot.Scheduling.Calendars;

namespace EngageBot.Features.Tickets.Sla;

/// <summary>What SLA arithmetic needs from a partner's policy: its calendar, targets and timing rules.</summary>
public sealed record SlaContext(BusinessHoursCalendar Calendar, SlaPolicy Policy, TimeSpan EscalationDelay, TimeSpan ReopenWindow)
{
    public static SlaContext From(PartnerTicketPolicy policy) =>
        new(new BusinessHoursCalendar(policy.Calendar), policy.Sla, policy.BreachEscalationDelay, policy.ReopenWindow);
}
