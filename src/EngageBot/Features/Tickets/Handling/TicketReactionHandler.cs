using EngageBot.Channels;
using EngageBot.Features.Tickets.Lifecycle;
using EngageBot.Features.Tickets.Policy;

namespace EngageBot.Features.Tickets.Handling;

/// <summary>
/// 🎫 opens a ticket on a message (anyone but bots; the ticket's opener is the message's author), 👀 assigns to me,
/// ✅ resolves, 🚨 marks urgent (internal users only). The "open_ticket" message action opens one too.
/// </summary>
public sealed class TicketReactionHandler(TicketService tickets, ITicketPolicySource policies, IOutbox outbox, TimeProvider time)
{
    public async Task OnReactionAsync(ReactionChanged reaction, TicketActor actor, CancellationToken ct)
    {
        var ticket = await tickets.FindByMessageAsync(reaction.Conversation, reaction.MessageId, ct);
        if (reaction.Reaction == TicketReactions.OpenTicket)
        {
            // Also when the ticket exists: opening is idempotent and finishes an opening a crash interrupted.
            await OpenFromMessageAsync(reaction.Conversation, reaction.MessageId, null, actor, "🎫 reaction", ct);
            return;
        }
        if (ticket is null || !actor.IsInternal) return;
        var now = time.GetUtcNow();
        switch (reaction.Reaction)
        {
            case TicketReactions.AssignToMe:
                await tickets.ChangeAsync(ticket.Id, (t, _) => t.Assign(actor.Party, actor.Party, now), ct);
                break;
            case TicketReactions.Resolve:
                await tickets.ChangeAsync(ticket.Id, (t, _) => t.Resolve(actor.Party, now), ct);
                break;
            case TicketReactions.MarkUrgent:
                await tickets.ChangeAsync(ticket.Id, (t, sla) => t.MarkUrgent(actor.Party, now, sla), ct);
                break;
        }
    }

    public async Task OnMessageActionAsync(MessageActionInvoked action, TicketActor actor, CancellationToken ct)
    {
        if (action.CallbackId != TicketReactions.OpenTicketAction) return;
        var existing = await tickets.FindByMessageAsync(action.Conversation, action.TargetMessageId, ct);
        var ticket = await OpenFromMessageAsync(action.Conversation, action.TargetMessageId, action.TargetText, actor, "message action", ct);
        var answer = ticket is null
            ? "This channel is not linked to a partner, so no ticket was opened."
            : existing is null ? $"Opened ticket {ticket.Id}." : $"This message already belongs to ticket {ticket.Id}.";
        await outbox.EnqueueAsync($"ticket-action|{action.DedupKey}", DeliveryTarget.Ephemeral(action.Conversation, actor.User.Id), new OutboundMessage(answer), ct);
    }

    private async Task<Ticket?> OpenFromMessageAsync(ConversationRef conversation, string messageId, string? text, TicketActor actor, string via, CancellationToken ct)
    {
        if (await policies.FindPartnerIdByChannelAsync(conversation.Platform, conversation.ChannelId, ct) is not { } partnerId
            || await policies.GetPartnerPolicyAsync(partnerId, ct) is not { } policy)
            return null;
        var source = await tickets.FindSourceAsync(conversation, messageId, ct);
        if (source?.AuthorKind == AuthorKind.Bot) return null; // our own posts and other bots' never become tickets
        var opener = source?.AuthorId is { } authorId ? new TicketParty(authorId, source.AuthorName) : actor.Party;
        var question = text ?? source?.Text ?? "(message text not captured; see the thread)";
        return await tickets.OpenAsync(policy, conversation with { ThreadId = null }, messageId, question, opener, null,
            $"{via} by {actor.Party.Display}", TicketUrgency.Normal, ct);
    }
}
