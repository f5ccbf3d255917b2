using System.Text.Json.Nodes;
using EngageBot.Cards;

namespace EngageBot.Features.Tickets.Cards;

/// <summary>The ticket cards from the templates cards/ticket.json and cards/triage.json: maps a <see cref="TicketView"/> into their data.</summary>
public sealed class TemplateTicketCards(CardLibrary library) : ITicketCards
{
    private const int TitleLength = 120;
    private const int ExcerptLength = 600;

    public JsonObject TicketCard(TicketView v) => library.Expand(CardNames.Ticket, new
    {
        Ticket = new
        {
            v.Id,
            Title = CardText.Truncate(FirstLine(v.Question), TitleLength),
            Partner = new { Id = v.PartnerId, Name = v.PartnerName },
            v.Status,
            Priority = v.Urgent ? "Urgent" : "Normal",
            v.OpenedAt,
            // Partner-safe: with partnerView set the template leaves out SLA, the support buttons and the thread link.
            PartnerView = true,
            Assignee = v.AssigneeName is { } name ? new { Name = name } : null,
            Excerpt = CardText.Truncate(v.Question, ExcerptLength),
            ThreadUrl = v.ThreadUrl ?? "",
        },
    });

    public JsonObject TriageCard(TicketView v) => library.Expand(CardNames.Triage, new
    {
        Ticket = new
        {
            v.Id,
            v.Urgent,
            v.Status,
            Partner = new { Id = v.PartnerId, Name = v.PartnerName, Tier = v.Tier.Length > 0 ? v.Tier : "Unknown tier" },
            Excerpt = CardText.Truncate(v.Question, ExcerptLength),
            AskedBy = v.OpenedBy,
            Sla = new
            {
                State = v.TriageSlaState ?? "ok",
                Label = v.TriageTimeLeft ?? "no clock running",
                DueAt = v.TriageDueAt,
                WarnAt = v.TriageWarnAt,
            },
            Assignee = v.AssigneeName is { } name ? new { Name = name } : null,
            ThreadUrl = v.ThreadUrl ?? "",
        },
    });

    private static string FirstLine(string text)
    {
        var line = text.AsSpan().TrimStart();
        var end = line.IndexOfAny('\r', '\n');
        return (end < 0 ? line : line[..end]).ToString();
    }
}
