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
    ILogger<TicketService> log)
{
    public TicketStore Store => store;

    /// <summary>Opens a ticket for a message, or returns the one it already opened (redeliveries, two instances).</summary>
    public async Task<Ticket> OpenAsync(PartnerTicketPolicy policy, ConversationRef channel, string messageId, string text,
        TicketParty openedBy, ChatUser? author, string via, TicketUrgency urgency, CancellationToken ct)
    {
        var id = await sources.LinkAsync(channel.Platform, channel.ChannelId, messageId, TicketIds.New(), author, text, ct);
        if (await store.GetAsync(id, ct) is { } existing) return existing;
        var ticket = Ticket.Open(id, policy.PartnerId, channel with { ThreadId = null }, messageId, openedBy, text, via, time.GetUtcNow(), SlaContext.From(policy), urgency);
        try
        {
            await store.CreateAsync(ticket, ct);
        }
        catch (RecordExistsException)
        {
            return await store.GetAsync(id, ct) ?? ticket;
        }
        log.LogInformation("Ticket {TicketId} opened for partner {PartnerId} via {Via}", id, policy.PartnerId, via);
        EngageBotMetrics.TicketOpened(channel.Platform);
        if (options.CurrentValue.AcknowledgeInThread)
        {
            var text2 = options.CurrentValue.AcknowledgementText.Replace("{id}", id, StringComparison.Ordinal);
            await outbox.EnqueueAsync($"ticket-ack|{id}", DeliveryTarget.Post(ticket.Thread), new OutboundMessage(text2), ct);
        }
        await triage.PublishAsync(ticket, policy, ct);
        return ticket;
    }

    /// <summary>Applies a change under optimistic concurrency; refreshes the triage card when something changed.</summary>
    public async Task<(Ticket? Ticket, bool Changed)> ChangeAsync(string ticketId, Func<Ticket, SlaContext, bool> change, CancellationToken ct)
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
        var result = await store.UpdateAsync(ticketId, t => change(t, sla), ct);
        if (result.Changed && result.Ticket is { } ticket) await triage.PublishAsync(ticket, policy, ct);
        return result;
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
