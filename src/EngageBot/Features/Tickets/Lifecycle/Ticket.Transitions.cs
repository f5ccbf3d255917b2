using EngageBot.Channels;
using EngageBot.Features.Tickets.Policy;
using EngageBot.Features.Tickets.Sla;

namespace EngageBot.Features.Tickets.Lifecycle;

// Every method returns whether the ticket changed, so callers skip writes (and card updates) for no-ops.
public sealed partial class Ticket
{
    /// <summary>A partner message in the thread (or joined from the channel): may reopen, resume, or start a next-response clock.</summary>
    public bool OnPartnerMessage(TicketParty partner, string messageId, DateTimeOffset now, SlaContext sla)
    {
        LastPartnerMessageAt = now;
        LastPartnerUserId = partner.PlatformUserId;
        PendingMessages.Add(new LinkedMessage(messageId, partner.PlatformUserId, AuthorKind.Partner, now));
        Version++;
        var targets = sla.Policy.For(Urgency);
        switch (Status)
        {
            case TicketStatus.Responded:
                if (!NextResponse.IsRunning) NextResponse.Start(now, targets.NextResponse, sla);
                break;
            case TicketStatus.WaitingOnPartner:
                Resolution.Resume(now, sla);
                NextResponse.Start(now, targets.NextResponse, sla);
                Audit(now, "partner-replied", TicketStatus.Responded, partner);
                break;
            case TicketStatus.Resolved when ResolvedAt is { } resolved && now - resolved <= ReopenWindow:
                Resolution.Start(now, targets.Resolution, sla);
                NextResponse.Start(now, targets.NextResponse, sla);
                ResolvedAt = null;
                Audit(now, "reopened", TicketStatus.Reopened, partner);
                break;
        }
        return true;
    }

    /// <summary>Adds a partner's consecutive top-level message to the question.</summary>
    public bool JoinQuestion(TicketParty partner, string messageId, string text, DateTimeOffset now, SlaContext sla)
    {
        if (QuestionParts.Count < MaxQuestionParts && QuestionParts.All(p => p.MessageId != messageId))
            QuestionParts.Add(new QuestionPart(messageId, Truncate(text)));
        return OnPartnerMessage(partner, messageId, now, sla);
    }

    /// <summary>An internal reply in the thread: the first one is the first response; later ones answer follow-ups.</summary>
    public bool OnInternalReply(TicketParty responder, string messageId, DateTimeOffset now)
    {
        PendingMessages.Add(new LinkedMessage(messageId, responder.PlatformUserId, AuthorKind.Internal, now));
        Version++;
        Assignee ??= responder;
        if (FirstResponseAt is null && Status == TicketStatus.Open)
        {
            FirstResponseAt = now;
            FirstResponse.Stop();
            Audit(now, "first-response", TicketStatus.Responded, responder);
        }
        else if (Status == TicketStatus.Reopened)
        {
            NextResponse.Stop();
            Audit(now, "responded", TicketStatus.Responded, responder);
        }
        else
        {
            NextResponse.Stop();
        }
        return true;
    }

    public bool MarkWaiting(TicketParty actor, DateTimeOffset now, SlaContext sla)
    {
        if (Status is not (TicketStatus.Open or TicketStatus.Responded or TicketStatus.Reopened)) return false;
        FirstResponseAt ??= now;
        FirstResponse.Stop();
        NextResponse.Stop();
        Resolution.Pause(now, sla);
        Audit(now, "waiting-on-partner", TicketStatus.WaitingOnPartner, actor);
        return true;
    }

    public bool Resolve(TicketParty actor, DateTimeOffset now)
    {
        if (!Status.IsActive()) return false;
        FirstResponse.Stop();
        NextResponse.Stop();
        Resolution.Stop();
        ResolvedAt = now;
        Assignee ??= actor.PersonId is null ? null : actor;
        Audit(now, "resolved", TicketStatus.Resolved, actor);
        return true;
    }

    public bool Close(TicketParty actor, DateTimeOffset now, string reason)
    {
        if (Status == TicketStatus.Closed) return false;
        FirstResponse.Stop();
        NextResponse.Stop();
        Resolution.Stop();
        ClosedAt = now;
        Audit(now, "closed", TicketStatus.Closed, actor, reason);
        return true;
    }

    public bool Assign(TicketParty assignee, TicketParty actor, DateTimeOffset now)
    {
        if (Assignee?.PlatformUserId == assignee.PlatformUserId || Status == TicketStatus.Closed) return false;
        Assignee = assignee;
        Audit(now, "assigned", Status, actor, assignee.Display);
        return true;
    }

    /// <summary>Switches running clocks to the urgent targets; nudges already sent for this cycle are not repeated.</summary>
    public bool MarkUrgent(TicketParty actor, DateTimeOffset now, SlaContext sla)
    {
        if (Urgency == TicketUrgency.Urgent || !Status.IsActive()) return false;
        Urgency = TicketUrgency.Urgent;
        var targets = sla.Policy.Urgent;
        FirstResponse.Retarget(targets.FirstResponse, sla);
        NextResponse.Retarget(targets.NextResponse, sla);
        Resolution.Retarget(targets.Resolution, sla);
        Audit(now, "marked-urgent", Status, actor);
        return true;
    }

    public bool EditMessage(string messageId, string newText, TicketParty actor, DateTimeOffset now)
    {
        var index = QuestionParts.FindIndex(p => p.MessageId == messageId);
        if (index >= 0) QuestionParts[index] = QuestionParts[index] with { Text = Truncate(newText) };
        Audit(now, "message-edited", Status, actor, messageId);
        return true;
    }

    public bool RecordDeletion(string messageId, TicketParty actor, DateTimeOffset now)
    {
        var index = QuestionParts.FindIndex(p => p.MessageId == messageId);
        if (index >= 0) QuestionParts[index] = QuestionParts[index] with { Deleted = true };
        Audit(now, "message-deleted", Status, actor, messageId);
        return true;
    }

    public bool RememberTriageMessage(MessageRef message)
    {
        if (TriageMessageId == message.MessageId && TriageChannelId == message.Conversation.ChannelId) return false;
        TriagePlatform = message.Conversation.Platform;
        TriageChannelId = message.Conversation.ChannelId;
        TriageMessageId = message.MessageId;
        return true;
    }
}
