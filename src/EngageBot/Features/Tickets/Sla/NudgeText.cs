using System.Globalization;
using EngageBot.Channels;
using EngageBot.Features.Tickets.Lifecycle;
using EngageBot.Features.Tickets.Policy;

namespace EngageBot.Features.Tickets.Sla;

/// <summary>The DM a threshold sends: what is due or breached, when (in the partner's time zone), and a link to the thread.</summary>
public static class NudgeText
{
    public static OutboundMessage For(SlaThreshold threshold, Ticket ticket, PartnerTicketPolicy policy, string threadLink)
    {
        var zone = TimeZoneInfo.FindSystemTimeZoneById(policy.Calendar.TimeZoneId);
        var due = TimeZoneInfo.ConvertTime(threshold.DueAt, zone).ToString("ddd HH:mm", CultureInfo.InvariantCulture) + $" {policy.Calendar.TimeZoneId}";
        var clock = threshold.Clock switch
        {
            SlaClockKind.FirstResponse => "first response",
            SlaClockKind.NextResponse => "next response",
            _ => "resolution",
        };
        var breachAt = ticket.Clock(threshold.Clock).DueAt ?? threshold.DueAt;
        var breach = TimeZoneInfo.ConvertTime(breachAt, zone).ToString("ddd HH:mm", CultureInfo.InvariantCulture) + $" {policy.Calendar.TimeZoneId}";
        var subject = $"{policy.PartnerName} ticket {ticket.Id}{(ticket.Urgency == TicketUrgency.Urgent ? " (urgent)" : "")}";
        var summary = ticket.Question.ReplaceLineEndings(" ");
        if (summary.Length > 140) summary = summary[..140] + "…";
        var link = threadLink;
        var text = threshold.Level switch
        {
            ThresholdLevel.Warning => $"⏳ {subject}: {clock} is due {breach}. \"{summary}\" {link}",
            ThresholdLevel.Breach => $"🔴 {subject}: the {clock} SLA was breached at {due}. \"{summary}\" {link}",
            _ => $"⚠️ Escalation: {subject} has breached its {clock} SLA since {breach} and is still open. \"{summary}\" {link}",
        };
        return new OutboundMessage(text, PartnerId: ticket.PartnerId);
    }
}
