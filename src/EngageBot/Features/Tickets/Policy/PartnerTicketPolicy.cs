using EngageBot.Channels;
using EngageBot.Scheduling.Calendars;

namespace EngageBot.Features.Tickets.Policy;

/// <summary>Which top-level partner messages open a ticket.</summary>
public enum TicketMode { EveryTopLevelMessage, QuestionsOnly }

/// <summary>Everything the ticket feature applies per partner, snapshotted from the directory.</summary>
/// <param name="ReopenWindow">A partner reply within this wall-clock time after resolution reopens the ticket; after it the ticket closes.</param>
/// <param name="BreachEscalationDelay">Wall-clock time a breach may stay unanswered before each next step of the escalation chain.</param>
/// <param name="TriageChannels">Internal triage channel id per platform.</param>
public sealed record PartnerTicketPolicy(
    string PartnerId,
    string PartnerName,
    string Tier,
    TicketMode Mode,
    BusinessCalendarSpec Calendar,
    SlaPolicy Sla,
    TimeSpan ReopenWindow,
    TimeSpan BreachEscalationDelay,
    EscalationChain Escalation,
    IReadOnlyDictionary<ChatPlatform, string> TriageChannels);

/// <summary>Owner, then backup, then executive sponsor (person ids); the latter two are optional.</summary>
public sealed record EscalationChain(string OwnerId, string? BackupId = null, string? ExecutiveSponsorId = null);

/// <summary>SLA targets per urgency and the fraction of a target at which the warning fires (e.g. 0.75).</summary>
public sealed record SlaPolicy(SlaTargets Normal, SlaTargets Urgent, double WarningFraction = 0.75)
{
    public SlaTargets For(TicketUrgency urgency) => urgency == TicketUrgency.Urgent ? Urgent : Normal;
}

/// <summary>Targets as business-hours durations in the partner's calendar.</summary>
public sealed record SlaTargets(TimeSpan FirstResponse, TimeSpan NextResponse, TimeSpan Resolution);

public enum TicketUrgency { Normal, Urgent }
