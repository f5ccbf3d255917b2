using EngageBot.Channels;
using EngageBot.Features.Tickets.Cards;
using EngageBot.Features.Tickets.Lifecycle;
using EngageBot.Features.Tickets.Policy;

namespace EngageBot.Features.Tickets.Handling;

/// <summary>
/// Mirrors a ticket to its partner's internal triage channel: posted once when the ticket opens, then updated in place.
/// </summary>
public sealed class TriageCardPublisher(IOutbox outbox, ITicketCards cards, TicketViewFactory views, ILogger<TriageCardPublisher> log)
{
    /// <param name="occasion">Set when the card changes without the ticket changing (an SLA breach), so the update gets its own key.</param>
    public async Task PublishAsync(Ticket ticket, PartnerTicketPolicy policy, CancellationToken ct, string? occasion = null)
    {
        var view = views.Create(ticket, policy);
        var card = cards.TriageCard(view);
        var message = new OutboundMessage($"{view.PartnerName}: ticket {ticket.Id} ({view.Status})", card);
        var target = UpdateTarget(ticket);
        if (target is not null)
        {
            await outbox.EnqueueAsync($"ticket-triage|{ticket.Id}|v{ticket.Version}{(occasion is null ? "" : "|" + occasion)}", target, message, ct);
            return;
        }
        if (occasion is not null) return; // nothing to refresh until the card's message is known
        if (TriageChannel(ticket, policy) is not { } channel)
        {
            log.LogDebug("Partner {PartnerId} has no triage channel; ticket {TicketId} is not mirrored", policy.PartnerId, ticket.Id);
            return;
        }
        // The post's key is per ticket, so it is sent once whatever version first asks for it.
        await outbox.EnqueueAsync(PostKey(ticket.Id), DeliveryTarget.Post(channel), message, ct);
    }

    public static string PostKey(string ticketId) => $"ticket-triage|{ticketId}";

    // The one place that knows how to address the posted triage card. Today: the message ref remembered from a
    // card action on it (or a delivery receipt); once the outbox can address "the message delivered for key X",
    // this returns that target for PostKey(ticket.Id) and every update lands in place from the first change.
    private static DeliveryTarget? UpdateTarget(Ticket ticket) =>
        ticket is { TriageChannelId: { } channel, TriageMessageId: { } message }
            ? DeliveryTarget.Update(new MessageRef(new ConversationRef(ticket.TriagePlatform ?? ticket.Platform, channel), message))
            : null;

    private static ConversationRef? TriageChannel(Ticket ticket, PartnerTicketPolicy policy)
    {
        if (policy.TriageChannels.TryGetValue(ticket.Platform, out var same)) return new ConversationRef(ticket.Platform, same);
        var other = policy.TriageChannels.FirstOrDefault();
        return other.Value is null ? null : new ConversationRef(other.Key, other.Value);
    }
}
