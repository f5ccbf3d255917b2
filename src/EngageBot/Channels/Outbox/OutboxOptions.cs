using System.ComponentModel.DataAnnotations;

namespace EngageBot.Channels.Outbox;

/// <summary>Bound from EngageBot:Outbox (env: EngageBot__Outbox__...).</summary>
public sealed class OutboxOptions : IValidatableObject
{
    public const string Section = "EngageBot:Outbox";

    /// <summary>Slack chat.postMessage: about 1 message/s per channel with short bursts (protocols.md B.4); the workspace limit is "several hundred per minute".</summary>
    public PacingOptions Slack { get; set; } = new() { PerKeyPerSecond = 1, PerKeyBurst = 3, GlobalPerSecond = 10 };

    /// <summary>Teams: 7 per second and 60 per 30 seconds per bot per conversation, 50 RPS per app per tenant (protocols.md A.5).</summary>
    public PacingOptions Teams { get; set; } = new() { PerKeyPerSecond = 7, PerKeyBurst = 7, PerKeyWindowLimit = 60, PerKeyWindowSeconds = 30, GlobalPerSecond = 50 };

    /// <summary>Pacing keys sent to in parallel (per key, messages always go one at a time, in order).</summary>
    public int MaxConcurrency { get; set; } = 32;

    /// <summary>How often to look for messages enqueued by other instances or before a restart.</summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>How long a message being sent is reserved for one instance; also the limit on one platform call.</summary>
    public TimeSpan LeaseDuration { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>Attempts for retryable failures other than 429 before the message is recorded as failed (429s never count).</summary>
    public int MaxAttempts { get; set; } = 8;

    /// <summary>First backoff after a retryable failure; doubles per attempt (±20% jitter) up to MaxRetryDelay.</summary>
    public TimeSpan RetryDelay { get; set; } = TimeSpan.FromSeconds(2);

    public TimeSpan MaxRetryDelay { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>
    /// A send whose outcome is unknown (the instance died after calling the platform, before recording the result):
    /// true sends it again (a partner may rarely see a duplicate); false records it as failed for an admin to check.
    /// Updates and reactions are always resent: repeating them changes nothing.
    /// </summary>
    public bool ResendUnconfirmed { get; set; } = true;

    public PacingOptions For(ChatPlatform platform) => platform == ChatPlatform.Teams ? Teams : Slack;

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        foreach (var r in Slack.Validate($"{Section}:Slack").Concat(Teams.Validate($"{Section}:Teams")))
            yield return r;
        if (MaxConcurrency is < 1 or > 1024)
            yield return new($"{Section}:MaxConcurrency must be between 1 and 1024.");
        if (PollInterval <= TimeSpan.Zero)
            yield return new($"{Section}:PollInterval must be positive.");
        if (LeaseDuration < TimeSpan.FromSeconds(1))
            yield return new($"{Section}:LeaseDuration must be at least 1 second.");
        if (MaxAttempts is < 1 or > 100)
            yield return new($"{Section}:MaxAttempts must be between 1 and 100.");
        if (RetryDelay <= TimeSpan.Zero || MaxRetryDelay < RetryDelay)
            yield return new($"{Section}:RetryDelay must be positive and at most {Section}:MaxRetryDelay.");
    }
}

/// <summary>
/// One platform's pacing: a token bucket per pacing key (rate and burst), optionally a sliding window per key
/// (at most WindowLimit sends in any WindowSeconds), and a token bucket for the whole platform. 0 turns a limit off.
/// </summary>
public sealed class PacingOptions
{
    public double PerKeyPerSecond { get; set; }
    public int PerKeyBurst { get; set; } = 1;
    public int PerKeyWindowLimit { get; set; }
    public double PerKeyWindowSeconds { get; set; }
    public double GlobalPerSecond { get; set; }

    internal IEnumerable<ValidationResult> Validate(string prefix)
    {
        if (PerKeyPerSecond < 0 || double.IsNaN(PerKeyPerSecond))
            yield return new($"{prefix}:PerKeyPerSecond must be 0 (off) or positive.");
        if (PerKeyBurst < 1)
            yield return new($"{prefix}:PerKeyBurst must be at least 1.");
        if (PerKeyWindowLimit < 0 || PerKeyWindowSeconds < 0 || (PerKeyWindowLimit > 0) != (PerKeyWindowSeconds > 0))
            yield return new($"{prefix}:PerKeyWindowLimit and {prefix}:PerKeyWindowSeconds must both be positive, or both 0 (off).");
        if (GlobalPerSecond < 0 || double.IsNaN(GlobalPerSecond))
            yield return new($"{prefix}:GlobalPerSecond must be 0 (off) or positive.");
    }
}
