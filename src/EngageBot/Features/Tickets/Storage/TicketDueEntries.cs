using EngageBot.Features.Tickets.Sla;
using EngageBot.Scheduling;

namespace EngageBot.Features.Tickets.Storage;

/// <summary>How tickets use the shared due index: subject = ticket id, step = threshold key ("FirstResponse.Breach.1").</summary>
public static class TicketDueEntries
{
    public const string Table = "TicketSlaDue";
    public const string NudgeLedger = "TicketNudges";

    public static DueEntry For(string ticketId, SlaThreshold threshold, DateTimeOffset? fireAt = null) =>
        new(ticketId, threshold.Key, threshold.DueAt, fireAt ?? threshold.DueAt);

    public static Task AddAsync(this DueIndex index, string ticketId, IEnumerable<SlaThreshold> thresholds, CancellationToken ct = default) =>
        Task.WhenAll(thresholds.Select(t => index.AddAsync(For(ticketId, t), ct)));

    /// <summary>Removes entries for thresholds that no longer apply (best effort: the sweeper ignores stale ones anyway).</summary>
    public static Task RemoveAsync(this DueIndex index, string ticketId, IEnumerable<SlaThreshold> thresholds, DateTimeOffset now, CancellationToken ct = default) =>
        Task.WhenAll(thresholds.Where(t => t.DueAt > now).Select(t => index.RemoveAsync(For(ticketId, t), ct)));
}
