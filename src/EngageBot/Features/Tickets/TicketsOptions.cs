using System.ComponentModel.DataAnnotations;

namespace EngageBot.Features.Tickets;

/// <summary>Ticket settings (EngageBot:Tickets). Per-partner rules come from the partner directory, not from here.</summary>
public sealed class TicketsOptions : IValidatableObject
{
    public const string Section = "EngageBot:Tickets";

    /// <summary>How often the SLA sweep runs; a warning or breach fires at most this long after its due time.</summary>
    public TimeSpan SweepInterval { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>A partner's top-level messages this close together join one ticket.</summary>
    public TimeSpan ConsecutiveMessageWindow { get; set; } = TimeSpan.FromMinutes(2);

    /// <summary>Post a short acknowledgement in the thread when a ticket opens.</summary>
    public bool AcknowledgeInThread { get; set; } = true;

    /// <summary>The acknowledgement; {id} is replaced by the ticket id.</summary>
    public string AcknowledgementText { get; set; } = "Thanks! We've logged this as ticket {id} and the team will follow up in this thread.";

    /// <summary>A partner reply within this time after resolution reopens the ticket (the directory has no per-partner value).</summary>
    public TimeSpan ReopenWindow { get; set; } = TimeSpan.FromDays(7);

    /// <summary>How long a breach may stay unanswered before the next step of the partner's escalation chain is nudged.</summary>
    public TimeSpan BreachEscalationDelay { get; set; } = TimeSpan.FromHours(4);

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (SweepInterval < TimeSpan.FromSeconds(5) || SweepInterval > TimeSpan.FromMinutes(1))
            yield return new ValidationResult($"{Section}:SweepInterval must be between 00:00:05 and 00:01:00 so warnings fire within a minute (got {SweepInterval}).", [nameof(SweepInterval)]);
        if (ConsecutiveMessageWindow < TimeSpan.Zero || ConsecutiveMessageWindow > TimeSpan.FromHours(1))
            yield return new ValidationResult($"{Section}:ConsecutiveMessageWindow must be between 00:00:00 and 01:00:00 (got {ConsecutiveMessageWindow}).", [nameof(ConsecutiveMessageWindow)]);
        if (ReopenWindow <= TimeSpan.Zero || ReopenWindow > TimeSpan.FromDays(90))
            yield return new ValidationResult($"{Section}:ReopenWindow must be more than 00:00:00 and at most 90.00:00:00 (got {ReopenWindow}).", [nameof(ReopenWindow)]);
        if (BreachEscalationDelay < TimeSpan.FromMinutes(1) || BreachEscalationDelay > TimeSpan.FromDays(7))
            yield return new ValidationResult($"{Section}:BreachEscalationDelay must be between 00:01:00 and 7.00:00:00 (got {BreachEscalationDelay}).", [nameof(BreachEscalationDelay)]);
        if (string.IsNullOrWhiteSpace(AcknowledgementText))
            yield return new ValidationResult($"{Section}:AcknowledgementText must not be empty.", [nameof(AcknowledgementText)]);
    }
}
