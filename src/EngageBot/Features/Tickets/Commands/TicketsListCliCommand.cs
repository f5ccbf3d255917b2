using System.Globalization;
using System.Text.Json;
using EngageBot.Cli;
using EngageBot.Features.Tickets.Cards;
using EngageBot.Features.Tickets.Lifecycle;
using EngageBot.Features.Tickets.Storage;

namespace EngageBot.Features.Tickets.Commands;

/// <summary>engagebot tickets list [--partner ID] [--json]: the open (not resolved or closed) tickets, oldest first.</summary>
public sealed class TicketsListCliCommand(TicketStore store) : ICliCommand
{
    public string Verb => "tickets list";

    public string Usage => "[--partner ID] [--json]";

    public async Task<int> RunAsync(IReadOnlyList<string> args, TextWriter output, TextWriter error, CancellationToken cancellationToken)
    {
        string? partner = null;
        var json = false;
        for (var i = 0; i < args.Count; i++)
        {
            switch (args[i])
            {
                case "--json": json = true; break;
                case "--partner" when i + 1 < args.Count: partner = args[++i]; break;
                default:
                    error.WriteLine($"engagebot tickets list: unexpected argument '{args[i]}'. Usage: engagebot tickets list {Usage}");
                    return 2;
            }
        }
        var tickets = new List<Ticket>();
        await foreach (var t in partner is null ? store.ListOpenAsync(cancellationToken) : store.ListOpenByPartnerAsync(partner, cancellationToken))
            tickets.Add(t);
        tickets.Sort((a, b) => a.OpenedAt.CompareTo(b.OpenedAt));
        if (json)
        {
            var rows = tickets.Select(t => new
            {
                id = t.Id,
                partnerId = t.PartnerId,
                status = t.Status.ToString(),
                urgency = t.Urgency.ToString(),
                platform = t.Platform.ToString(),
                channelId = t.ChannelId,
                rootMessageId = t.RootMessageId,
                openedAt = t.OpenedAt,
                openedBy = t.OpenedBy.Display,
                assignee = t.Assignee?.Display,
                firstResponseDue = t.FirstResponse.DueAt,
                nextResponseDue = t.NextResponse.DueAt,
                resolutionDue = t.Resolution.DueAt,
                question = t.Question,
            });
            output.WriteLine(JsonSerializer.Serialize(rows, new JsonSerializerOptions { WriteIndented = true }));
            return 0;
        }
        if (tickets.Count == 0)
        {
            output.WriteLine(partner is null ? "No open tickets." : $"No open tickets for partner {partner}.");
            return 0;
        }
        output.WriteLine($"{"ID",-11} {"PARTNER",-16} {"STATUS",-19} {"OPENED (UTC)",-17} {"ASSIGNEE",-18} QUESTION");
        foreach (var t in tickets)
        {
            var question = t.Question.ReplaceLineEndings(" ");
            if (question.Length > 60) question = question[..60] + "…";
            output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{t.Id,-11} {t.PartnerId,-16} {TicketViewFactory.Describe(t.Status) + (t.Urgency == Policy.TicketUrgency.Urgent ? " !" : ""),-19} {t.OpenedAt.UtcDateTime,-17:yyyy-MM-dd HH:mm} {t.Assignee?.Display ?? "-",-18} {question}"));
        }
        return 0;
    }
}
