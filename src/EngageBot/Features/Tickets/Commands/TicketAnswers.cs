using System.Globalization;
using System.Text;
using EngageBot.Channels;
using EngageBot.Features.Tickets.Cards;
using EngageBot.Features.Tickets.Lifecycle;
using EngageBot.Features.Tickets.Policy;

namespace EngageBot.Features.Tickets.Commands;

/// <summary>
/// Command answers. Partner* methods read only partner-safe fields (the ticket card, never the triage card, SLA
/// internals or notes); Internal* methods show the triage view.
/// </summary>
public sealed class TicketAnswers(ITicketPolicySource policies, ITicketCards cards, TicketViewFactory views)
{
    private const int MaxListed = 25;

    public OutboundMessage PartnerList(IReadOnlyList<Ticket> tickets, PartnerTicketPolicy? policy)
    {
        if (tickets.Count == 0) return new("You have no open tickets with us.");
        var text = new StringBuilder($"Your open tickets ({tickets.Count}):");
        foreach (var t in tickets.OrderBy(t => t.OpenedAt).Take(MaxListed))
        {
            var v = views.Create(t, policy);
            text.Append(CultureInfo.InvariantCulture, $"\n• {v.Id} · {v.Status} · {Summary(v.Question)}");
        }
        return new(text.ToString());
    }

    public OutboundMessage PartnerDetail(Ticket ticket, PartnerTicketPolicy? policy)
    {
        var v = views.Create(ticket, policy);
        return new($"Ticket {v.Id}: {v.Status}. {Summary(v.Question)}", cards.TicketCard(v));
    }

    public async Task<OutboundMessage> InternalListAsync(string title, IReadOnlyList<Ticket> tickets, CancellationToken ct)
    {
        if (tickets.Count == 0) return new($"{title}: none.");
        var text = new StringBuilder($"{title} ({tickets.Count}):");
        foreach (var t in tickets.OrderBy(t => t.OpenedAt).Take(MaxListed))
        {
            var v = views.Create(t, await policies.GetPartnerPolicyAsync(t.PartnerId, ct));
            text.Append(CultureInfo.InvariantCulture,
                $"\n• {v.Id} · {v.PartnerName} · {v.Status}{(v.Urgent ? " · urgent" : "")} · {v.TriageSlaClock ?? "no clock"} ({v.TriageSlaState ?? "ok"}) · {Summary(v.Question)}");
        }
        if (tickets.Count > MaxListed) text.Append(CultureInfo.InvariantCulture, $"\n… and {tickets.Count - MaxListed} more");
        return new(text.ToString());
    }

    public async Task<OutboundMessage> InternalDetailAsync(Ticket ticket, CancellationToken ct)
    {
        var v = views.Create(ticket, await policies.GetPartnerPolicyAsync(ticket.PartnerId, ct));
        return new($"Ticket {v.Id} ({v.PartnerName}): {v.Status}. {v.TriageSlaClock ?? "No clock running"}.", cards.TriageCard(v));
    }

    private static string Summary(string question)
    {
        var line = question.ReplaceLineEndings(" ");
        return line.Length <= 80 ? line : line[..80] + "…";
    }
}
