using System.Globalization;
using System.Text.Json;
using EngageBot.Cli;
using EngageBot.Features.Tickets.Cards;
using EngageBot.Features.Tickets.Lifecycle;
using EngageBot.Features.Tickets.Storage;

namespace EngageBot.Features.Tickets.Commands;

/// <summary>
/// engagebot tickets list [--partner ID] [--status S[,S…]] [--json]: tickets oldest first, by default the active ones
/// (not resolved or closed). Statuses are shown in the words of the cards.
/// </summary>
public sealed class TicketsListCliCommand(TicketStore store) : ICliCommand
{
    public string Verb => "tickets list";

    public string Usage => "[--partner ID] [--status active|all|open|in-progress|waiting-on-partner|resolved|reopened|closed] [--json]";

    public async Task<int> RunAsync(IReadOnlyList<string> args, TextWriter output, TextWriter error, CancellationToken cancellationToken)
    {
        if (await CliArguments.ParseAsync(this, args, ["--json"], ["--partner", "--status"], error) is not { } parsed) return 2;
        var (partner, json) = (parsed.Value("--partner"), parsed.Has("--json"));
        var filter = parsed.Value("--status") is { } status ? TicketStatusFilter.Parse(status) : TicketStatusFilter.Active;
        if (filter is null)
        {
            await error.WriteLineAsync($"engagebot tickets list: unknown status '{parsed.Value("--status")}'; use one or more (comma-separated) of: {TicketStatusFilter.Words}");
            return 2;
        }
        var tickets = new List<Ticket>();
        await foreach (var t in Source(partner, filter, cancellationToken))
            if ((partner is null || t.PartnerId == partner) && filter.Statuses.Contains(t.Status))
                tickets.Add(t);
        tickets.Sort((a, b) => a.OpenedAt.CompareTo(b.OpenedAt));
        if (json)
        {
            await output.WriteLineAsync(JsonSerializer.Serialize(tickets.Select(Row), new JsonSerializerOptions { WriteIndented = true }));
            return 0;
        }
        if (tickets.Count == 0)
        {
            var what = filter == TicketStatusFilter.Active ? "open tickets" : "tickets with that status";
            await output.WriteLineAsync(partner is null ? $"No {what}." : $"No {what} for partner {partner}.");
            return 0;
        }
        await output.WriteLineAsync($"{"ID",-11} {"PARTNER",-16} {"STATUS",-20} {"OPENED (UTC)",-17} {"ASSIGNEE",-18} QUESTION");
        foreach (var t in tickets)
        {
            var question = t.Question.ReplaceLineEndings(" ");
            if (question.Length > 60) question = question[..60] + "…";
            await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
                $"{t.Id,-11} {t.PartnerId,-16} {TicketViewFactory.Describe(t.Status) + (t.Urgency == Policy.TicketUrgency.Urgent ? " !" : ""),-20} {t.OpenedAt.UtcDateTime,-17:yyyy-MM-dd HH:mm} {t.Assignee?.Display ?? "-",-18} {question}"));
        }
        return 0;
    }

    private IAsyncEnumerable<Ticket> Source(string? partner, TicketStatusFilter filter, CancellationToken ct) =>
        filter.NeedsClosed ? store.ListAllAsync(ct)
        : partner is null ? store.ListListedAsync(ct)
        : store.ListListedByPartnerAsync(partner, ct);

    private static object Row(Ticket t) => new
    {
        id = t.Id,
        partnerId = t.PartnerId,
        status = TicketViewFactory.Describe(t.Status),
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
    };
}
