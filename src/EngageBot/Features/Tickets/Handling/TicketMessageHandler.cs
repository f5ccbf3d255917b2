using EngageBot.Channels;
using EngageBot.Features.Tickets.Lifecycle;
using EngageBot.Features.Tickets.Policy;
using Microsoft.Extensions.Options;

namespace EngageBot.Features.Tickets.Handling;

/// <summary>
/// Messages in partner channels: partner top-level messages open tickets (by the partner's mode, never for
/// pleasantries, joining a ticket the same partner user opened moments ago); thread replies move the lifecycle;
/// edits and deletions are recorded.
/// </summary>
public sealed class TicketMessageHandler(
    TicketService tickets,
    ITicketPolicySource policies,
    IOptionsMonitor<TicketsOptions> options,
    TimeProvider time)
{
    public async Task OnPostedAsync(MessagePosted message, TicketActor actor, CancellationToken ct)
    {
        if (message.IsDirect) return;
        if (await PolicyForAsync(message.Conversation, ct) is not { } policy) return;
        if (actor.IsBot)
        {
            if (!message.IsThreadReply) await tickets.RememberCandidateAsync(message, ct);
            return;
        }
        if (message.IsThreadReply)
        {
            await OnReplyAsync(message, actor, ct);
            return;
        }
        if (!actor.IsPartnerSide)
        {
            await tickets.RememberCandidateAsync(message, ct); // an internal 🎫 can still make it a ticket
            return;
        }
        var intent = QuestionClassifier.Classify(message.Text);
        // A redelivery (or a crash part-way) finds the message already linked: finish what the link started rather than stop.
        var linkedId = (await tickets.FindSourceAsync(message.Conversation, message.MessageId, ct))?.TicketId;
        var linked = linkedId is null ? null : await tickets.Store.GetAsync(linkedId, ct);
        if (linkedId is not null && (linked is null || linked.RootMessageId == message.MessageId))
        {
            await tickets.OpenAsync(policy, message.Conversation, message.MessageId, message.Text, actor.Party, message.Actor, "message", TicketUrgency.Normal, ct);
            return;
        }
        if ((linked ?? await FindJoinableAsync(policy.PartnerId, message, ct)) is { } recent)
        {
            await JoinAsync(recent, message, actor, intent, ct);
            return;
        }
        var opens = intent switch
        {
            MessageIntent.Pleasantry => false,
            MessageIntent.Question => true,
            _ => policy.Mode == TicketMode.EveryTopLevelMessage,
        };
        if (!opens)
        {
            await tickets.RememberCandidateAsync(message, ct);
            return;
        }
        await tickets.OpenAsync(policy, message.Conversation, message.MessageId, message.Text, actor.Party, message.Actor, "message", TicketUrgency.Normal, ct);
    }

    public async Task OnEditedAsync(MessageEdited edit, TicketActor actor, CancellationToken ct)
    {
        if (await tickets.FindByMessageAsync(edit.Conversation, edit.MessageId, ct) is not { } ticket) return;
        await tickets.ChangeAsync(ticket.Id, (t, _) => t.EditMessage(edit.MessageId, edit.NewText, actor.Party, time.GetUtcNow()), ct);
    }

    public async Task OnDeletedAsync(MessageDeleted deletion, TicketActor actor, CancellationToken ct)
    {
        if (await tickets.FindByMessageAsync(deletion.Conversation, deletion.MessageId, ct) is not { } ticket) return;
        await tickets.ChangeAsync(ticket.Id, (t, _) => t.RecordDeletion(deletion.MessageId, actor.Party, time.GetUtcNow()), ct);
    }

    private async Task OnReplyAsync(MessagePosted reply, TicketActor actor, CancellationToken ct)
    {
        if (await tickets.FindByMessageAsync(reply.Conversation, reply.Conversation.ThreadId!, ct) is not { } ticket) return;
        await tickets.LinkMessageAsync(ticket, reply.MessageId, reply.Actor, null, ct);
        if (await tickets.Store.HasMessageAsync(ticket.Id, reply.MessageId, ct))
        {
            await tickets.RefreshTriageCardAsync(ticket, ct); // a redelivery: the change is written, its card update may not be queued
            return;
        }
        var now = time.GetUtcNow();
        await tickets.ChangeAsync(ticket.Id, (t, sla) => actor.IsInternal
            ? t.OnInternalReply(actor.Party, reply.MessageId, now)
            : t.OnPartnerMessage(actor.Party, reply.MessageId, now, sla), ct);
    }

    // The message's link, then the ticket change that records it (with the message, atomically); on a redelivery
    // whose change is already written only the card update is (re)queued.
    private async Task JoinAsync(Ticket ticket, MessagePosted message, TicketActor actor, MessageIntent intent, CancellationToken ct)
    {
        await tickets.LinkMessageAsync(ticket, message.MessageId, message.Actor, message.Text, ct);
        if (await tickets.Store.HasMessageAsync(ticket.Id, message.MessageId, ct))
        {
            await tickets.RefreshTriageCardAsync(ticket, ct);
            return;
        }
        await tickets.ChangeAsync(ticket.Id, (t, sla) => intent == MessageIntent.Pleasantry
            ? t.OnPartnerMessage(actor.Party, message.MessageId, time.GetUtcNow(), sla)
            : t.JoinQuestion(actor.Party, message.MessageId, message.Text, time.GetUtcNow(), sla), ct);
    }

    // The partner user's own ticket in this channel that nobody has answered yet and that heard from them within the window.
    private async Task<Ticket?> FindJoinableAsync(string partnerId, MessagePosted message, CancellationToken ct)
    {
        var window = options.CurrentValue.ConsecutiveMessageWindow;
        if (window <= TimeSpan.Zero) return null;
        var now = time.GetUtcNow();
        await foreach (var t in tickets.Store.ListOpenByPartnerAsync(partnerId, ct))
        {
            if (t.ChannelId == message.Conversation.ChannelId && t.Status == TicketStatus.Open && t.LastPartnerUserId == message.Actor!.Id
                && t.LastPartnerMessageAt is { } last && now - last <= window)
                return t;
        }
        return null;
    }

    private async Task<PartnerTicketPolicy?> PolicyForAsync(ConversationRef conversation, CancellationToken ct) =>
        await policies.FindPartnerIdByChannelAsync(conversation.Platform, conversation.ChannelId, ct) is { } partnerId
            ? await policies.GetPartnerPolicyAsync(partnerId, ct)
            : null;
}
