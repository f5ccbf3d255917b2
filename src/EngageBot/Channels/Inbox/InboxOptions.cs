using System.ComponentModel.DataAnnotations;

namespace EngageBot.Channels.Inbox;

/// <summary>Bound from EngageBot:Inbox (env: EngageBot__Inbox__...).</summary>
public sealed class InboxOptions : IValidatableObject
{
    public const string Section = "EngageBot:Inbox";

    /// <summary>How often to look for events accepted by other instances or before a restart (this instance's are handled at once).</summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>How long a claimed event is reserved for one instance; a crashed instance's events are retried after it.</summary>
    public TimeSpan LeaseDuration { get; set; } = TimeSpan.FromMinutes(2);

    /// <summary>Handling attempts before an event is parked (listed by "engagebot inbox parked").</summary>
    public int MaxAttempts { get; set; } = 5;

    /// <summary>First retry delay; doubles per attempt up to MaxRetryDelay.</summary>
    public TimeSpan RetryDelay { get; set; } = TimeSpan.FromSeconds(5);

    public TimeSpan MaxRetryDelay { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>Conversations handled in parallel (events within one conversation are always handled in order).</summary>
    public int MaxConcurrency { get; set; } = 8;

    /// <summary>
    /// While the intake is saturated (accepts overlap), how long the processor may pause before taking up each event,
    /// so acks come first (see IntakePriority). Zero turns the pause off.
    /// </summary>
    public TimeSpan IntakeYield { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>
    /// How long a handled event's done marker is kept to recognise a redelivery (Slack retries within minutes).
    /// Expired markers are purged hourly.
    /// </summary>
    public TimeSpan DoneRetention { get; set; } = TimeSpan.FromDays(1);

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        foreach (var r in LeasedQueueRules.Validate(Section, PollInterval, LeaseDuration, MaxAttempts, RetryDelay, MaxRetryDelay))
            yield return r;
        if (MaxConcurrency is < 1 or > 256)
            yield return new($"{Section}:MaxConcurrency must be between 1 and 256.");
        if (DoneRetention < TimeSpan.FromHours(1))
            yield return new($"{Section}:DoneRetention must be at least an hour (platforms redeliver for several minutes).");
        if (IntakeYield < TimeSpan.Zero || IntakeYield > TimeSpan.FromSeconds(5))
            yield return new($"{Section}:IntakeYield must be between 0 and 5 seconds.");
    }
}
