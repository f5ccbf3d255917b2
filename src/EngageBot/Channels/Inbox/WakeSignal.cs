namespace EngageBot.Channels.Inbox;

/// <summary>
/// Wakes a background loop as soon as work arrives in this process, or after a timeout on the injected clock
/// (the loop also polls, for work from other instances or from before a restart). Pulses coalesce.
/// </summary>
internal class WakeSignal(TimeProvider time)
{
    private readonly SemaphoreSlim _pulse = new(0, 1);

    public void Pulse()
    {
        // Called on every accept: skip the release (and its SemaphoreFullException) when a wake-up is already pending.
        if (_pulse.CurrentCount > 0) return;
        try { _pulse.Release(); }
        catch (SemaphoreFullException) { }
    }

    /// <summary>Returns when pulsed or when the timeout passes; throws only when <paramref name="cancellationToken"/> is cancelled.</summary>
    public async Task WaitAsync(TimeSpan timeout, CancellationToken cancellationToken)
    {
        if (timeout <= TimeSpan.Zero)
        {
            _pulse.Wait(0, CancellationToken.None);
            return;
        }
        using var timeoutSource = new CancellationTokenSource(timeout, time);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, timeoutSource.Token);
        try
        {
            await _pulse.WaitAsync(linked.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
        }
    }
}

internal sealed class InboxSignal(TimeProvider time) : WakeSignal(time);
