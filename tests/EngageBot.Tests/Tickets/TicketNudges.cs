namespace EngageBot.Tests.Tickets;

internal static class TicketNudges
{
    /// <summary>The SLA nudges among what was enqueued (their idempotency keys start "ticket-nudge|").</summary>
    public static IReadOnlyList<RecordingOutbox.Sent> Nudges(this RecordingOutbox outbox) =>
        [.. outbox.All.Where(s => s.Key.StartsWith("ticket-nudge|", StringComparison.Ordinal))];
}
