using EngageBot.Channels.Playground.Demo;
using EngageBot.TestSupport;

namespace EngageBot.Tests.Playground;

public sealed class PlaygroundDemoTests
{
    [Fact]
    public async Task The_demo_week_shows_every_capability_in_its_transcript_and_exits_with_no_serve()
    {
        using var data = new TempDirectory();
        var output = new StringWriter();
        var error = new StringWriter();

        var code = await PlaygroundDemo.RunAsync(["--no-serve", "--data", Path.Combine(data.Path, "demo"), "--urls=http://127.0.0.1:0"], output, error);

        var transcript = output.ToString();
        Assert.True(code == 0, transcript + error);
        Assert.All(new[]
        {
            "logged this as ticket", "updated) Northwind Cloud Partners: ticket", "you rated the answer 4/5", "Check-in for Northwind", "churn risk",
            "first response is due", "SLA was breached", "Escalation:", "Sorry for the wait", "need you today", "Lena Vogel is looking into this",
        }, expected => Assert.Contains(expected, transcript));
    }

    [Fact]
    public async Task The_demo_refuses_a_data_folder_it_did_not_make()
    {
        using var data = new TempDirectory();
        await File.WriteAllTextAsync(Path.Combine(data.Path, "tickets.db"), "someone's store");
        var error = new StringWriter();

        var code = await PlaygroundDemo.RunAsync(["--no-serve", "--data", data.Path], new StringWriter(), error);

        Assert.Equal(1, code);
        Assert.Contains("choose another folder with --data", error.ToString());
        Assert.True(File.Exists(Path.Combine(data.Path, "tickets.db")));
    }
}
