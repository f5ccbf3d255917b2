using EngageBot.Channels;
using EngageBot.Features.Tickets.Lifecycle;
using EngageBot.Features.Tickets.Policy;
using EngageBot.Features.Tickets.Sla;
using EngageBot.Features.Tickets.Storage;
using EngageBot.Hosting.Telemetry;
using EngageBot.Storage;
using Microsoft.Extensions.Options;

namespace EngageBot.Features.Tickets.Handling;

/// <summary>
/// The ticket operations every entry point shares (events, reactions, commands, card buttons, the sweeper):
/// open a ticket once per source message, apply a change with the partner's SLA context, then refresh the triage card.
/// </summary>
public sealed class TicketService(
    TicketStore store,
    TicketSourceIndex sources,
    ITicketPolicySource policies,
    TriageCardPublisher triage,
    IOutbox outbox,
    IOptionsMonitor<TicketsOptions> options,
    TimeProvider time,
    ILogger<TicketService> log,
    IEnumerable<ITicketResolvedListener>? resolvedListeners = null)
{
    private readonly ITicketResolvedListener[] _resolvedListeners = resolvedListeners?.ToArray() ?? [];

    public TicketStore Store => store;

    /// <summary>
    /// Opens a ticket for a message, or finishes opening the one the message already claimed (redeliveries, two instances,
    /// a crash part-way). Each write is idempotent (the link keeps the first ticket id, the ticket row is created once) and
    /// the acknowledgement and triage card are always (re)queued under per-ticket keys, which the outbox sends once; so a
    /// crash between any two writes, then a redelivery, leaves one ticket with one acknowledgement and one card.
    /// </summary>
    public async Task<Ticket> OpenAsync(PartnerTicketPolicy policy, ConversationRef channel, string messageId, string text,
        TicketParty openedBy, ChatUser? author, string via, TicketUrgency urgency, CancellationToken ct)
    {
        var id = await sources.LinkAsync(channel.Platform, channel.ChannelId, messageId, TicketIds.New(), author, text, ct);
        var ticket = await store.GetAsync(id, ct)
            ?? await CreateAsync(Ticket.Open(id, policy.PartnerId, channel with { ThreadId = null }, messageId, openedBy, text, via, time.GetUtcNow(),
                SlaContext.From(policy), urgency), via, ct);
        if (options.CurrentValue.AcknowledgeInThread)
        {
            var acknowledgement = options.CurrentValue.AcknowledgementText.Replace("{id}", ticket.Id, StringComparison.Ordinal);
            await outbox.EnqueueAsync($"ticket-ack|{ticket.Id}", DeliveryTarget.Post(ticket.Thread), new OutboundMessage(acknowledgement), ct);
        }
        await triage.PublishAsync(ticket, policy, ct);
        return ticket;
    }

    private async Task<Ticket> CreateAsync(Ticket ticket, string via, CancellationToken ct)
    {
        try
        {
            await store.CreateAsync(ticket, ct);
        }
        catch (RecordExistsException)
        {
            return await store.GetAsync(ticket.Id, ct) ?? ticket; // another instance created it first
        }
        log.LogInformation("Ticket {TicketId} opened for partner {PartnerId} via {Via}", ticket.Id, ticket.PartnerId, via);
        EngageBotMetrics.TicketOpened(ticket.Platform);
        return ticket;
    }

    /// <summary>
    /// Applies a change under optimistic concurrency; refreshes the triage card when something changed, unless the change
    /// came from a button on that card (<paramref name="answeredOn"/>): the caller's answer replaces it.
    /// </summary>
    public async Task<(Ticket? Ticket, bool Changed)> ChangeAsync(string ticketId, Func<Ticket, SlaContext, bool> change, CancellationToken ct, MessageRef? answeredOn = null)
    {
        var current = await store.GetAsync(ticketId, ct);
        if (current is null) return (null, false);
        var policy = await policies.GetPartnerPolicyAsync(current.PartnerId, ct);
        if (policy is null)
        {
            log.LogWarning("Ticket {TicketId}: partner {PartnerId} has no ticket policy; change skipped", ticketId, current.PartnerId);
            return (current, false);
        }
        var sla = SlaContext.From(policy);
        var wasResolved = false;
        var result = await store.UpdateAsync(ticketId, t =>
        {
            wasResolved = t.Status == TicketStatus.Resolved; // as read on this attempt (the store retries on conflicts)
            return change(t, sla);
        }, ct);
        if (result.Changed && result.Ticket is { } ticket)
        {
            await triage.PublishAsync(ticket, policy, ct, answeredOn: answeredOn);
            if (!wasResolved && ticket.Status == TicketStatus.Resolved) await NotifyResolvedAsync(ticket, ct);
        }
        return result;
    }

    /// <summary>(Re)queues the triage card for the ticket as stored; the outbox sends each version once.</summary>
    public async Task RefreshTriageCardAsync(Ticket ticket, CancellationToken ct)
    {
        if (await store.GetAsync(ticket.Id, ct) is { } current && await policies.GetPartnerPolicyAsync(current.PartnerId, ct) is { } policy)
            await triage.PublishAsync(current, policy, ct);
    }

    private async Task NotifyResolvedAsync(Ticket ticket, CancellationToken ct)
    {
        foreach (var listener in _resolvedListeners)
        {
            try
            {
                await listener.OnResolvedAsync(ticket, ct);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                log.LogError(e, "Ticket {TicketId}: resolved listener {Listener} failed", ticket.Id, listener.GetType().Name);
            }
        }
    }

    public async Task<Ticket?> FindByMessageAsync(ConversationRef conversation, string messageId, CancellationToken ct)
    {
        var source = await sources.GetAsync(conversation.Platform, conversation.ChannelId, messageId, ct);
        return source?.TicketId is { } id ? await store.GetAsync(id, ct) : null;
    }

    public Task LinkMessageAsync(Ticket ticket, string messageId, ChatUser? author, string? text, CancellationToken ct) =>
        sources.LinkAsync(ticket.Platform, ticket.ChannelId, messageId, ticket.Id, author, text, ct);

    public Task RememberCandidateAsync(MessagePosted message, CancellationToken ct) =>
        sources.RememberCandidateAsync(message.Platform, message.Conversation.ChannelId, message.MessageId, message.Actor!, message.Text, ct);

    public Task<TicketSource?> FindSourceAsync(ConversationRef conversation, string messageId, CancellationToken ct) =>
        sources.GetAsync(conversation.Platform, conversation.ChannelId, messageId, ct);
}
