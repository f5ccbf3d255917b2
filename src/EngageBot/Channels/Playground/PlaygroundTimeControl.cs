using EngageBot.Scheduling;

namespace EngageBot.Channels.Playground;

/// <summary>
/// The page's clock control: moves the playground clock forward and runs the scheduled sweeps at once, so SLA warnings,
/// check-ins, reminders and escalations due in the skipped time happen now rather than at the sweeps' next real tick.
/// </summary>
public sealed class PlaygroundTimeControl(PlaygroundClock clock, ScheduledJobTrigger jobs, PlaygroundTranscript transcript)
{
    public static readonly TimeSpan MaxStep = TimeSpan.FromDays(31);

    public DateTimeOffset Now => clock.GetUtcNow();

    public async Task<DateTimeOffset> AdvanceAsync(TimeSpan by, CancellationToken cancellationToken)
    {
        if (by <= TimeSpan.Zero || by > MaxStep)
            throw new PlaygroundException($"The clock moves forward by 1 minute to {MaxStep.TotalDays:0} days at a time.");
        clock.Advance(by);
        transcript.Publish(new PlaygroundChange("clock", Now: clock.GetUtcNow()));
        await jobs.RunAllNowAsync(cancellationToken);
        return clock.GetUtcNow();
    }

    public async Task<DateTimeOffset> AdvanceToAsync(DateTimeOffset instant, CancellationToken cancellationToken)
    {
        clock.AdvanceTo(instant);
        transcript.Publish(new PlaygroundChange("clock", Now: clock.GetUtcNow()));
        await jobs.RunAllNowAsync(cancellationToken);
        return clock.GetUtcNow();
    }
}
