using System.Diagnostics;
using EngageBot.Channels.Inbox;
using Microsoft.Extensions.Options;

namespace EngageBot.Tests.Channels;

public sealed class IntakePriorityTests
{
    [Fact]
    public async Task With_no_arrivals_the_processor_does_not_wait()
    {
        var priority = new IntakePriority(Options.Create(new InboxOptions { IntakeYield = TimeSpan.FromSeconds(5) }));
        var waited = Stopwatch.StartNew();
        await priority.YieldAsync(default);
        Assert.True(waited.Elapsed < TimeSpan.FromSeconds(1));
    }

    [Fact]
    public async Task A_steady_stream_of_accepts_that_do_not_overlap_does_not_pause_the_processor()
    {
        var priority = new IntakePriority(Options.Create(new InboxOptions { IntakeYield = TimeSpan.FromSeconds(5) }));

        var waited = await YieldWhileAcceptsArriveAsync(priority);

        Assert.True(waited < TimeSpan.FromSeconds(1));
    }

    [Fact]
    public async Task While_accepts_overlap_the_processor_waits_at_most_the_configured_pause()
    {
        // A window far wider than the arrivals' 1 ms spacing: on a loaded machine the arrival loop can stall past 10 ms,
        // which the real window rightly reads as the burst being over.
        var priority = new IntakePriority(Options.Create(new InboxOptions { IntakeYield = TimeSpan.FromMilliseconds(200) })) { QuietWindow = TimeSpan.FromSeconds(1) };
        using var storing = priority.Accepting(); // an accept still waiting for the store, under every arrival below
        using (priority.Accepting()) { }

        var waited = await YieldWhileAcceptsArriveAsync(priority);

        Assert.InRange(waited, TimeSpan.FromMilliseconds(150), TimeSpan.FromSeconds(3));
    }

    [Fact]
    public async Task Zero_turns_the_pause_off()
    {
        var priority = new IntakePriority(Options.Create(new InboxOptions { IntakeYield = TimeSpan.Zero }));
        using var first = priority.Accepting();
        using var second = priority.Accepting();
        var waited = Stopwatch.StartNew();
        await priority.YieldAsync(default);
        Assert.True(waited.Elapsed < TimeSpan.FromSeconds(1));
    }

    /// <summary>How long the processor's yield lasts while accepts, each finished before the next, arrive every millisecond.</summary>
    private static async Task<TimeSpan> YieldWhileAcceptsArriveAsync(IntakePriority priority)
    {
        using var stop = new CancellationTokenSource();
        var arrivals = Task.Run(async () =>
        {
            while (!stop.IsCancellationRequested)
            {
                using (priority.Accepting()) { }
                await Task.Delay(1);
            }
        });
        var waited = Stopwatch.StartNew();
        await priority.YieldAsync(default);
        waited.Stop();
        stop.Cancel();
        await arrivals;
        return waited.Elapsed;
    }
}
