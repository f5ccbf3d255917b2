using System.ComponentModel.DataAnnotations;

namespace EngageBot.Channels.Outbox;

/// <summary>Bound from EngageBot:Outbox (env: EngageBot__Outbox__...).</summary>
public sealed class OutboxOptions : IValidatableObject
{
    public const string Section = "EngageBot:Outbox";

    /// <summary>Slack chat.postMessage: about 1 message/s per channel with short bursts (protocols.md B.4); the workspace limit is "several hundred per minute".</summary>
    public PacingOptions Slack { get; set; } = new() { PerKeyPerSecond = 1, PerKeyBurst = 3, GlobalPerSecond = 10 };

    /// <summary>Teams, per bot per conversation: 7 per 1 s, 8 per 2 s, 60 per 30 s, 1800 per hour; 50 RPS per app per tenant (protocols.md A.5).</summary>
    public PacingOptions Teams { get; set; } = new() { PerKeyWindows = "7/1,8/2,60/30,1800/3600", GlobalPerSecond = 50 };

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
    /// A message the bot cannot deliver until it is added where it goes (a Teams team it is not installed in) waits,
    /// never fails: it is retried as soon as the bot is added anywhere on that platform, and this often regardless.
    /// </summary>
    public TimeSpan AwaitBotRecheck { get; set; } = TimeSpan.FromHours(1);

    /// <summary>
    /// A send whose outcome is unknown (the instance died after calling the platform, before recording the result):
    /// true sends it again (a partner may rarely see a duplicate); false records it as failed for an admin to check.
    /// Updates and reactions are always resent: repeating them changes nothing.
    /// </summary>
    public bool ResendUnconfirmed { get; set; } = true;

    /// <summary>Pacing is configured per platform name (the section named after it); a platform without a section is not paced.</summary>
    public PacingOptions For(ChatPlatform platform) =>
        string.Equals(platform.Name, nameof(Slack), StringComparison.OrdinalIgnoreCase) ? Slack
        : string.Equals(platform.Name, nameof(Teams), StringComparison.OrdinalIgnoreCase) ? Teams
        : Unpaced;

    private static readonly PacingOptions Unpaced = new();

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        foreach (var r in Slack.Validate($"{Section}:Slack").Concat(Teams.Validate($"{Section}:Teams")))
            yield return r;
        if (MaxConcurrency is < 1 or > 1024)
            yield return new($"{Section}:MaxConcurrency must be between 1 and 1024.");
        if (AwaitBotRecheck < TimeSpan.FromSeconds(1) || AwaitBotRecheck > TimeSpan.FromDays(1))
            yield return new($"{Section}:AwaitBotRecheck must be between 1 second and 1 day.");
        foreach (var r in LeasedQueueRules.Validate(Section, PollInterval, LeaseDuration, MaxAttempts, RetryDelay, MaxRetryDelay))
            yield return r;
    }
}

/// <summary>
/// One platform's pacing: per pacing key a token bucket (PerKeyPerSecond, PerKeyBurst) and sliding windows
/// (PerKeyWindows "limit/seconds,…": at most limit sends in any interval that long), and a token bucket for the
/// whole platform (GlobalPerSecond). 0 or empty turns a limit off.
/// </summary>
public sealed class PacingOptions
{
    public double PerKeyPerSecond { get; set; }
    public int PerKeyBurst { get; set; } = 1;
    public string PerKeyWindows { get; set; } = "";
    public double GlobalPerSecond { get; set; }

    internal IReadOnlyList<(int Limit, TimeSpan Window)> ParseWindows() =>
        PerKeyWindows.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(w => w.Split('/') is [var l, var s] && int.TryParse(l, System.Globalization.CultureInfo.InvariantCulture, out var limit)
                && double.TryParse(s, System.Globalization.CultureInfo.InvariantCulture, out var seconds) && limit > 0 && seconds > 0
                ? (limit, TimeSpan.FromSeconds(seconds))
                : throw new FormatException($"'{w}' is not limit/seconds"))
            .ToList();

    internal IEnumerable<ValidationResult> Validate(string prefix)
    {
        if (PerKeyPerSecond < 0 || double.IsNaN(PerKeyPerSecond))
            yield return new($"{prefix}:PerKeyPerSecond must be 0 (off) or positive.");
        if (PerKeyBurst < 1)
            yield return new($"{prefix}:PerKeyBurst must be at least 1.");
        string? windowError = null;
        try { ParseWindows(); }
        catch (FormatException e) { windowError = e.Message; }
        if (windowError is not null)
            yield return new($"{prefix}:PerKeyWindows must be a comma-separated list of limit/seconds, e.g. 60/30 ({windowError}).");
        if (GlobalPerSecond < 0 || double.IsNaN(GlobalPerSecond))
            yield return new($"{prefix}:GlobalPerSecond must be 0 (off) or positive.");
    }
}
