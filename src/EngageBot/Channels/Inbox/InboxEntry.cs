namespace EngageBot.Channels.Inbox;

/// <summary>One accepted event waiting in the queue, as stored (with the ETag claims are made against).</summary>
internal sealed record InboxEntry(
    string Conversation,
    string RowKey,
    string ETag,
    string DedupKey,
    string EventType,
    string Payload,
    DateTimeOffset AcceptedAt,
    int Attempts,
    DateTimeOffset? NextAttemptAt,
    DateTimeOffset? LeaseUntil,
    string? LastError,
    IReadOnlyList<string> StepsDone,
    string? TraceParent = null);

/// <summary>An event that failed every attempt, kept with its last error for an admin to inspect.</summary>
public sealed record ParkedEvent(string Conversation, string DedupKey, string EventType, DateTimeOffset AcceptedAt, DateTimeOffset ParkedAt, int Attempts, string Error, string Payload);
