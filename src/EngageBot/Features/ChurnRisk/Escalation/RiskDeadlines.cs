using EngageBot.Features.ChurnRisk.Detection;
using EngageBot.Features.Directory;
using EngageBot.Features.Tickets.Policy;
using EngageBot.Features.Tickets.Sla;
using EngageBot.Scheduling.Calendars;
using Microsoft.Extensions.Options;

namespace EngageBot.Features.ChurnRisk.Escalation;

/// <summary>Ack deadlines: the severity's duration from now, in business hours on the partner's calendar when configured so.</summary>
public sealed class RiskDeadlines(IPartnerDirectory directory, IOptions<ChurnEscalationOptions> options)
{
    public async Task<DateTimeOffset> AckDeadlineAsync(string partnerId, ChurnSeverity severity, DateTimeOffset from, CancellationToken ct)
    {
        var (duration, businessHours) = options.Value.DeadlineFor(severity);
        if (!businessHours || await directory.GetCalendarForPartnerAsync(partnerId, ct) is not { } calendar) return from + duration;
        var spec = new BusinessCalendarSpec(calendar.TimeZone, calendar.WorkingDays.ToHashSet(), calendar.Hours.Start, calendar.Hours.End, calendar.Holidays.ToHashSet());
        return new BusinessHoursCalendar(spec).Add(from, duration);
    }

    /// <summary>
    /// When the step after <paramref name="level"/> comes due: the backup (1) and the sponsor (2) each get a full ack
    /// deadline; then RepeatCount reminders RepeatInterval apart; null once the chain is exhausted.
    /// </summary>
    public async Task<DateTimeOffset?> NextStepAsync(ChurnRisk risk, int level, DateTimeOffset now, CancellationToken ct)
    {
        if (level < EscalationChain.SponsorLevel) return await AckDeadlineAsync(risk.PartnerId, risk.Severity, now, ct);
        return level < EscalationChain.SponsorLevel + options.Value.RepeatCount ? now + options.Value.RepeatInterval : null;
    }
}
