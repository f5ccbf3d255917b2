namespace EngageBot.Tests.Storage;

/// <summary>
/// Fault injection for "the process died here": every durable write (a store write or an outbox enqueue) is a step,
/// and the step numbered <see cref="CrashAt"/> throws <see cref="SimulatedCrashException"/> instead of happening, as if
/// the process had stopped just after the step before it. Shared by <see cref="CrashingRecordStore"/> and
/// <see cref="CrashingOutbox"/> so store and outbox writes count in one sequence.
/// </summary>
public sealed class CrashSchedule(int crashAt = 0)
{
    private int _steps;

    /// <summary>The 1-based write that crashes; 0 never crashes.</summary>
    public int CrashAt { get; set; } = crashAt;

    /// <summary>The writes made (or attempted, for the crashing one) so far.</summary>
    public int Steps => _steps;

    /// <summary>What each step wrote, for failure messages.</summary>
    public List<string> Log { get; } = [];

    /// <summary>Runs <paramref name="handle"/>; true if it died at the scheduled write.</summary>
    public static async Task<bool> CrashesAsync(Func<Task> handle)
    {
        try
        {
            await handle();
            return false;
        }
        catch (SimulatedCrashException)
        {
            return true;
        }
    }

    public void Step(string what)
    {
        var step = Interlocked.Increment(ref _steps);
        lock (Log) Log.Add(what);
        if (step == CrashAt) throw new SimulatedCrashException($"crash before write {step} ({what})");
    }
}

public sealed class SimulatedCrashException(string message) : Exception(message);
