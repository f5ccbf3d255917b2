namespace EngageBot.Channels.Outbox;

/// <summary>What a sender worker learned from one step on a queue: the head is done (go on with the next one read),
/// read the queue again (it changed), the queue is empty, or come back at a time.</summary>
internal readonly record struct QueueStep(QueueStepKind Kind, DateTimeOffset At)
{
    public static QueueStep Continue => new(QueueStepKind.Continue, default);
    public static QueueStep Reread => new(QueueStepKind.Reread, default);
    public static QueueStep Empty => new(QueueStepKind.Empty, default);
    public static QueueStep Until(DateTimeOffset at) => new(QueueStepKind.Wait, at);
}

internal enum QueueStepKind { Continue, Reread, Empty, Wait }
