namespace EngageBot.Features.Tickets.Sla;

public enum SlaClockKind { FirstResponse, NextResponse, Resolution }

/// <summary>
/// One SLA clock of a ticket. Business time used before a pause is kept in <see cref="Used"/>, so the resolution
/// clock resumes where it stopped after "waiting on partner". <see cref="Cycle"/> counts restarts (each partner
/// follow-up starts a new next-response cycle; a reopen a new resolution cycle): nudges are keyed by it.
/// </summary>
public sealed class SlaClock
{
    public int Cycle { get; set; }
    public TimeSpan Target { get; set; }
    public TimeSpan Used { get; set; }
    public DateTimeOffset? RunningSince { get; set; }
    public DateTimeOffset? WarnAt { get; set; }
    public DateTimeOffset? DueAt { get; set; }

    public bool IsRunning => RunningSince is not null;

    public void Start(DateTimeOffset now, TimeSpan target, SlaContext sla)
    {
        Cycle++;
        Target = target;
        Used = TimeSpan.Zero;
        RunningSince = now;
        Recompute(sla);
    }

    public void Pause(DateTimeOffset now, SlaContext sla)
    {
        if (RunningSince is not { } since) return;
        Used += sla.Calendar.Between(since, now);
        RunningSince = null;
        WarnAt = DueAt = null;
    }

    public void Resume(DateTimeOffset now, SlaContext sla)
    {
        if (IsRunning) return;
        RunningSince = now;
        Recompute(sla);
    }

    public void Stop()
    {
        RunningSince = null;
        WarnAt = DueAt = null;
    }

    public void Retarget(TimeSpan target, SlaContext sla)
    {
        Target = target;
        Recompute(sla);
    }

    private void Recompute(SlaContext sla)
    {
        if (RunningSince is not { } since) { WarnAt = DueAt = null; return; }
        var left = Target - Used;
        DueAt = sla.Calendar.Add(since, left > TimeSpan.Zero ? left : TimeSpan.Zero);
        var warnLeft = Target * sla.Policy.WarningFraction - Used;
        WarnAt = sla.Calendar.Add(since, warnLeft > TimeSpan.Zero ? warnLeft : TimeSpan.Zero);
    }
}
