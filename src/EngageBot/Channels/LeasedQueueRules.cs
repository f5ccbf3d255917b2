using System.ComponentModel.DataAnnotations;

namespace EngageBot.Channels;

/// <summary>
/// The settings the inbox and the outbox share (polling, leases, retries with backoff), validated by one set of rules
/// so the two queues cannot drift apart.
/// </summary>
internal static class LeasedQueueRules
{
    public static IEnumerable<ValidationResult> Validate(string section, TimeSpan pollInterval, TimeSpan leaseDuration, int maxAttempts, TimeSpan retryDelay, TimeSpan maxRetryDelay)
    {
        if (pollInterval <= TimeSpan.Zero)
            yield return new($"{section}:PollInterval must be positive.");
        if (leaseDuration < TimeSpan.FromSeconds(1))
            yield return new($"{section}:LeaseDuration must be at least 1 second.");
        if (maxAttempts is < 1 or > 100)
            yield return new($"{section}:MaxAttempts must be between 1 and 100.");
        if (retryDelay <= TimeSpan.Zero || maxRetryDelay < retryDelay)
            yield return new($"{section}:RetryDelay must be positive and at most {section}:MaxRetryDelay.");
    }
}
