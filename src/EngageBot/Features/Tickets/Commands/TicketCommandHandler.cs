using EngageBot.Channels;
using EngageBot.Features.Tickets.Cards;
using EngageBot.Features.Tickets.Handling;
using EngageBot.Features.Tickets.Lifecycle;
using EngageBot.Features.Tickets.Policy;

namespace EngageBot.Features.Tickets.Commands;

/// <summary>
/// "/engagebot tickets" (mine; partner-side users: their partner's), "/engagebot tickets PARTNER", "/engagebot ticket ID",
/// and for internal users "resolve ID", "waiting ID", "urgent ID", "assign ID", "close ID". Answers go only to the
/// asker. A partner-side user is scoped to the partner of the channel they ask in: other partners' tickets read as
/// "not found", and they never see the triage view.
/// </summary>
public sealed class TicketCommandHandler(
    TicketService tickets,
    ITicketPolicySource policies,
    TicketAnswers answers,
    IOutbox outbox,
    TimeProvider time)
{
    private static readonly HashSet<string> Verbs = new(StringComparer.OrdinalIgnoreCase)
        { BotCommands.Tickets, BotCommands.Ticket, BotCommands.Resolve, BotCommands.Waiting, BotCommands.Urgent, BotCommands.Assign, BotCommands.Close };

    public async Task OnCommandAsync(CommandInvoked command, TicketActor actor, CancellationToken ct)
    {
        var words = Words(command);
        if (words.Count == 0 || !Verbs.Contains(words[0])) return;
        var answer = actor.IsInternal
            ? await InternalAsync(words, actor, ct)
            : await PartnerAsync(words, command.Conversation, ct);
        await outbox.EnqueueAsync($"ticket-cmd|{command.DedupKey}", DeliveryTarget.Ephemeral(command.Conversation, actor.User.Id), answer, ct);
    }

    // "/engagebot tickets acme" (Slack) and a Teams bot command "tickets acme" both arrive here.
    private static List<string> Words(CommandInvoked command)
    {
        var (word, arguments) = BotCommands.Read(command);
        return [word, .. arguments.Split(' ', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)];
    }

    private async Task<OutboundMessage> PartnerAsync(List<string> words, ConversationRef conversation, CancellationToken ct)
    {
        var partnerId = await policies.FindPartnerIdByChannelAsync(conversation.Platform, conversation.ChannelId, ct);
        if (partnerId is null) return new("Ask about tickets in your shared channel with us.");
        var policy = await policies.GetPartnerPolicyAsync(partnerId, ct);
        switch (words[0].ToLowerInvariant())
        {
            case "tickets":
                if (words.Count > 1 && !words[1].Equals(partnerId, StringComparison.OrdinalIgnoreCase))
                    return new("You can only see your own organisation's tickets.");
                return answers.PartnerList(await ToListAsync(tickets.Store.ListOpenByPartnerAsync(partnerId, ct)), policy);
            case "ticket" when words.Count > 1:
                var ticket = await tickets.Store.GetAsync(TicketIds.Normalize(words[1]), ct);
                return ticket is not null && ticket.PartnerId == partnerId
                    ? answers.PartnerDetail(ticket, policy)
                    : new($"No ticket {TicketIds.Normalize(words[1])} here.");
            case "ticket":
                return new("Usage: /engagebot ticket ID");
            default:
                return new("Only the support team can change a ticket's status.");
        }
    }

    private async Task<OutboundMessage> InternalAsync(List<string> words, TicketActor actor, CancellationToken ct)
    {
        var verb = words[0].ToLowerInvariant();
        if (verb == "tickets")
        {
            if (words.Count == 1)
            {
                var mine = actor.Party.PersonId ?? actor.Party.PlatformUserId;
                return await answers.InternalListAsync("Your open tickets", await ToListAsync(tickets.Store.ListAssignedAsync(mine, ct)), ct);
            }
            var policy = await policies.GetPartnerPolicyAsync(words[1], ct);
            if (policy is null) return new($"No partner '{words[1]}'.");
            return await answers.InternalListAsync($"Open tickets of {policy.PartnerName}", await ToListAsync(tickets.Store.ListOpenByPartnerAsync(policy.PartnerId, ct)), ct);
        }
        if (words.Count < 2) return new($"Usage: /engagebot {verb} ID");
        var id = TicketIds.Normalize(words[1]);
        if (verb == "ticket")
            return await tickets.Store.GetAsync(id, ct) is { } found ? await answers.InternalDetailAsync(found, ct) : new($"No ticket {id}.");
        var now = time.GetUtcNow();
        var party = actor.Party;
        var (ticket, changed) = await tickets.ChangeAsync(id, verb switch
        {
            "resolve" => (t, _) => t.Resolve(party, now),
            "waiting" => (t, sla) => t.MarkWaiting(party, now, sla),
            "urgent" => (t, sla) => t.MarkUrgent(party, now, sla),
            "assign" => (t, _) => t.Assign(party, party, now),
            _ => (t, _) => t.Close(party, now, "closed by command"),
        }, ct);
        if (ticket is null) return new($"No ticket {id}.");
        return changed
            ? await answers.InternalDetailAsync(ticket, ct)
            : new($"Ticket {id} is {TicketViewFactory.Describe(ticket.Status).ToLowerInvariant()}; nothing to {verb}.");
    }

    private static async Task<List<Ticket>> ToListAsync(IAsyncEnumerable<Ticket> source)
    {
        var list = new List<Ticket>();
        await foreach (var t in source) list.Add(t);
        return list;
    }
}
