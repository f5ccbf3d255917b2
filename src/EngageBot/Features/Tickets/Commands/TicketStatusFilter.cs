using EngageBot.Features.Tickets.Cards;
using EngageBot.Features.Tickets.Lifecycle;

namespace EngageBot.Features.Tickets.Commands;

/// <summary>
/// The --status of `tickets list`, in the words the cards use ("in-progress" for In progress), comma-separated,
/// plus "active" (everything not resolved or closed, the default) and "all".
/// </summary>
public sealed record TicketStatusFilter(IReadOnlySet<TicketStatus> Statuses)
{
    public static TicketStatusFilter Active { get; } = new(Enum.GetValues<TicketStatus>().Where(s => s.IsActive()).ToHashSet());

    private static readonly Dictionary<string, TicketStatus> ByWord = Enum.GetValues<TicketStatus>().ToDictionary(Word);

    public static string Words => "active, all, " + string.Join(", ", Enum.GetValues<TicketStatus>().Select(Word));

    /// <summary>Closed tickets leave the open listing, so only a filter that wants them needs the full scan.</summary>
    public bool NeedsClosed => Statuses.Contains(TicketStatus.Closed);

    public static string Word(TicketStatus status) => TicketViewFactory.Describe(status).ToLowerInvariant().Replace(' ', '-');

    public static TicketStatusFilter? Parse(string text)
    {
        var statuses = new HashSet<TicketStatus>();
        foreach (var word in text.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
        {
            var normalized = word.ToLowerInvariant().Replace(' ', '-').Replace('_', '-');
            if (normalized == "all") statuses.UnionWith(Enum.GetValues<TicketStatus>());
            else if (normalized == "active") statuses.UnionWith(Active.Statuses);
            else if (ByWord.TryGetValue(normalized, out var status)) statuses.Add(status);
            else return null;
        }
        return statuses.Count == 0 ? null : new(statuses);
    }
}
