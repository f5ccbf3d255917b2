using EngageBot.Cards;
using EngageBot.Channels;
using EngageBot.Features.Tickets.Handling;
using EngageBot.Features.Tickets.Lifecycle;
using Microsoft.Extensions.Options;

namespace EngageBot.Features.Feedback.Ratings;

/// <summary>
/// When a ticket is resolved, invites the partner who asked to rate the answer, in the ticket's thread: only for a sample
/// of tickets, and at most once per partner per cooldown (claimed in <see cref="RatingInvitationLedger"/>, so several
/// instances and redelivered resolutions invite once).
/// </summary>
public sealed class TicketRatingInviter(RatingInvitationLedger ledger, IOutbox outbox, CardLibrary cards, IOptionsMonitor<FeedbackOptions> options,
    TimeProvider time, ILogger<TicketRatingInviter> logger) : ITicketResolvedListener
{
    public async Task OnResolvedAsync(Ticket ticket, CancellationToken cancellationToken)
    {
        var settings = options.CurrentValue;
        if (!settings.RatingInvitations || Asker(ticket) is not { } asker) return;
        if (!TicketRatingSampler.IsSampled(ticket.Id, settings.RatingSampleRate)) return;
        if (!await ledger.TryClaimAsync(ticket.PartnerId, ticket.Id, time.GetUtcNow(), settings.RatingCooldown, cancellationToken))
        {
            logger.LogInformation("Ticket {TicketId}: partner {PartnerId} was invited to rate recently; not asking again.", ticket.Id, ticket.PartnerId);
            return;
        }
        await outbox.EnqueueAsync($"feedback.rating-invite|{ticket.Id}", DeliveryTarget.Post(ticket.Thread),
            new OutboundMessage(TicketRatingCard.InvitationText(asker, ticket), TicketRatingCard.Invitation(cards, ticket, asker)), cancellationToken);
    }

    /// <summary>The partner-side person who asked: the opener unless an internal person opened it for them, then the last partner to write.</summary>
    public static TicketParty? Asker(Ticket ticket) =>
        ticket.OpenedBy.PersonId is null && ticket.OpenedBy != TicketParty.System ? ticket.OpenedBy
        : ticket.LastPartnerUserId is { } id ? new TicketParty(id, null)
        : null;
}
