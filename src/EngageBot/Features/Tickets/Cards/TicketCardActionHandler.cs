using EngageBot.Channels;
using EngageBot.Features.Tickets.Handling;
using EngageBot.Features.Tickets.Lifecycle;
using EngageBot.Features.Tickets.Policy;

namespace EngageBot.Features.Tickets.Cards;

/// <summary>
/// The triage card's buttons. Internal users only; the answer is the refreshed card, replaced in place. The card's
/// own message is remembered so later changes update it rather than posting anew.
/// </summary>
public sealed class TicketCardActionHandler(
    TicketService tickets,
    ITicketPolicySource policies,
    ITicketCards cards,
    TicketViewFactory views,
    TimeProvider time) : ICardActionHandler
{
    public IReadOnlyCollection<string> Verbs => TicketVerbs.All;

    public async Task<CardActionResult> HandleAsync(CardActionInvoked action, CancellationToken cancellationToken)
    {
        var actor = await TicketActor.ResolveAsync(action, policies, cancellationToken);
        if (actor is not { IsInternal: true }) return CardActionResult.Text("Only the support team can change tickets.");
        if (action.Data[TicketVerbs.TicketIdField]?.GetValue<string>() is not { Length: > 0 } rawId)
            return CardActionResult.Text("This card has no ticket id.");
        var id = TicketIds.Normalize(rawId);
        var now = time.GetUtcNow();
        var party = actor.Party;
        var current = await tickets.Store.GetAsync(id, cancellationToken);
        if (current is null) return CardActionResult.Text($"Ticket {id} no longer exists.");
        var policy = await policies.GetPartnerPolicyAsync(current.PartnerId, cancellationToken);
        // Only the card in the triage channel is remembered: the same card also answers commands, ephemerally.
        var source = action.SourceMessage is { } m && policy?.TriageChannels.Values.Contains(m.Conversation.ChannelId) == true ? m : null;
        var (ticket, _) = await tickets.ChangeAsync(id, (t, sla) =>
        {
            var changed = action.Verb switch
            {
                TicketVerbs.AssignToMe => t.Assign(party, party, now),
                TicketVerbs.Resolve => t.Resolve(party, now),
                TicketVerbs.MarkUrgent => t.MarkUrgent(party, now, sla),
                TicketVerbs.Waiting => t.MarkWaiting(party, now, sla),
                _ => false,
            };
            return (source is not null && t.RememberTriageMessage(source)) | changed;
        }, cancellationToken, answeredOn: source);
        if (ticket is null) return CardActionResult.Text($"Ticket {id} no longer exists.");
        return CardActionResult.Updated(cards.TriageCard(views.Create(ticket, policy)));
    }
}
