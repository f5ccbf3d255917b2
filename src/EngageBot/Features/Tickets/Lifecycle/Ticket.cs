using System.Text.Json.Serialization;
using EngageBot.Channels;
using EngageBot.Features.Tickets.Policy;
using EngageBot.Features.Tickets.Sla;

namespace EngageBot.Features.Tickets.Lifecycle;

/// <summary>
/// The ticket aggregate. State changes go through the methods in Ticket.Transitions.cs, which keep the SLA
/// clocks in step and record an audit entry for every transition; the store persists both atomically.
/// </summary>
public sealed partial class Ticket
{
    public const int MaxQuestionParts = 10;
    public const int MaxPartLength = 2_500;

    public required string Id { get; init; }
    public required string PartnerId { get; init; }
    public required ChatPlatform Platform { get; init; }
    public required string ChannelId { get; init; }
    public required string RootMessageId { get; init; }
    public required TicketParty OpenedBy { get; init; }
    public required DateTimeOffset OpenedAt { get; init; }
    public string OpenedVia { get; init; } = "message";

    public TicketStatus Status { get; set; } = TicketStatus.Open;
    public TicketUrgency Urgency { get; set; }
    public TicketParty? Assignee { get; set; }
    public List<QuestionPart> QuestionParts { get; set; } = [];

    public DateTimeOffset? FirstResponseAt { get; set; }
    public DateTimeOffset? ResolvedAt { get; set; }
    public DateTimeOffset? ClosedAt { get; set; }
    public DateTimeOffset? LastPartnerMessageAt { get; set; }
    public string? LastPartnerUserId { get; set; }

    public SlaClock FirstResponse { get; set; } = new();
    public SlaClock NextResponse { get; set; } = new();
    public SlaClock Resolution { get; set; } = new();
    public TimeSpan EscalationDelay { get; set; }
    public TimeSpan ReopenWindow { get; set; }

    /// <summary>The triage card's message, once known, so changes update it in place.</summary>
    public ChatPlatform? TriagePlatform { get; set; }
    public string? TriageChannelId { get; set; }
    public string? TriageMessageId { get; set; }

    /// <summary>Bumped on every change; part of card-update idempotency keys.</summary>
    public int Version { get; set; }
    public int AuditCount { get; set; }

    [JsonIgnore] public string? ETag { get; set; }
    [JsonIgnore] public List<TicketAuditEntry> PendingAudit { get; } = [];
    [JsonIgnore] public List<LinkedMessage> PendingMessages { get; } = [];

    [JsonIgnore] public ConversationRef Thread => new(Platform, ChannelId, RootMessageId);

    [JsonIgnore] public string Question => string.Join("\n", QuestionParts.Where(p => !p.Deleted).Select(p => p.Text));

    public SlaClock Clock(SlaClockKind kind) => kind switch
    {
        SlaClockKind.FirstResponse => FirstResponse,
        SlaClockKind.NextResponse => NextResponse,
        _ => Resolution,
    };

    public static Ticket Open(string id, string partnerId, ConversationRef channel, string rootMessageId, TicketParty openedBy,
        string text, string openedVia, DateTimeOffset now, SlaContext sla, TicketUrgency urgency = TicketUrgency.Normal)
    {
        var ticket = new Ticket
        {
            Id = id,
            PartnerId = partnerId,
            Platform = channel.Platform,
            ChannelId = channel.ChannelId,
            RootMessageId = rootMessageId,
            OpenedBy = openedBy,
            OpenedAt = now,
            OpenedVia = openedVia,
            Urgency = urgency,
            EscalationDelay = sla.EscalationDelay,
            ReopenWindow = sla.ReopenWindow,
            LastPartnerMessageAt = now,
            LastPartnerUserId = openedBy.PlatformUserId,
        };
        ticket.QuestionParts.Add(new QuestionPart(rootMessageId, Truncate(text)));
        var targets = sla.Policy.For(urgency);
        ticket.FirstResponse.Start(now, targets.FirstResponse, sla);
        ticket.Resolution.Start(now, targets.Resolution, sla);
        ticket.Audit(now, "opened", TicketStatus.Open, openedBy, $"via {openedVia}");
        return ticket;
    }

    private void Audit(DateTimeOffset at, string action, TicketStatus to, TicketParty? actor, string? detail = null)
    {
        var from = Status;
        Status = to;
        AuditCount++;
        Version++;
        PendingAudit.Add(new TicketAuditEntry(AuditCount, at, action, from, to, actor?.PersonId ?? actor?.PlatformUserId, actor?.Name, detail));
    }

    private static string Truncate(string text) => text.Length <= MaxPartLength ? text : text[..MaxPartLength] + "…";
}
