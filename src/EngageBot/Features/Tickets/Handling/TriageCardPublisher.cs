using EngageBot.Channels;
using EngageBot.Channels.Outbox;
using EngageBot.Features.Tickets.Cards;
using EngageBot.Features.Tickets.Lifecycle;
using EngageBot.Features.Tickets.Policy;

namespace EngageBot.Features.Tickets.Handling;

/// <summary>
/// Mirrors a ticket to its partner's internal triage channel: posted once when the ticket opens, then updated in place
/// from the first change on, by referring to the post's idempotency key (the outbox resolves it once the post is delivered).
/// </summary>
public sealed class TriageCardPublisher(IOutbox outbox, ITicketCards cards, TicketViewFactory views, ILogger<TriageCardPublisher> log)
{
    /// <param name="occasion">Set when the card changes without the ticket changing (an SLA breach), so the update gets its own key.</param>
    /// <param name="answeredOn">A card whose button caused the change: the platform adapter replaces that card with the
    /// handler's answer, so updating it here too would send the same update twice.</param>
    public async Task PublishAsync(Ticket ticket, PartnerTicketPolicy policy, CancellationToken ct, string? occasion = null, MessageRef? answeredOn = null)
    {
        var channel = PostedIn(ticket) ?? TriageChannel(ticket, policy);
        if (channel is null)
        {
            log.LogDebug("Partner {PartnerId} has no triage channel; ticket {TicketId} is not mirrored", policy.PartnerId, ticket.Id);
            return;
        }
        var view = views.Create(ticket, policy);
        var message = new OutboundMessage($"{view.PartnerName}: ticket {ticket.Id} ({view.Status})", cards.TriageCard(view), ticket.PartnerId);
        // The post's key is per ticket, so it is sent once whatever version first asks for it (e.g. after a lost open).
        await outbox.EnqueueAsync(PostKey(ticket.Id), DeliveryTarget.Post(channel), message, ct);
        if (ticket.Version <= 1 && occasion is null) return; // the post itself shows the opening state
        if (answeredOn is not null && ticket.TriageMessageId == answeredOn.MessageId && channel.ChannelId == answeredOn.Conversation.ChannelId) return;
        var target = ticket.TriageMessageId is { } known
            ? DeliveryTarget.Update(new MessageRef(channel, known))
            : OutboxReference.Update(channel, PostKey(ticket.Id));
        await outbox.EnqueueAsync($"{PostKey(ticket.Id)}|v{ticket.Version}{(occasion is null ? "" : "|" + occasion)}", target, message, ct);
    }

    public static string PostKey(string ticketId) => $"ticket-triage|{ticketId}";

    // Once a card action told us where the card is, updates go there directly (and survive a triage channel move).
    private static ConversationRef? PostedIn(Ticket ticket) =>
        ticket is { TriageChannelId: { } channel, TriageMessageId: not null } ? new ConversationRef(ticket.TriagePlatform ?? ticket.Platform, channel) : null;

    private static ConversationRef? TriageChannel(Ticket ticket, PartnerTicketPolicy policy)
    {
        if (policy.TriageChannels.TryGetValue(ticket.Platform, out var same)) return new ConversationRef(ticket.Platform, same);
        var other = policy.TriageChannels.FirstOrDefault();
        return other.Value is null ? null : new ConversationRef(other.Key, other.Value);
    }
}
