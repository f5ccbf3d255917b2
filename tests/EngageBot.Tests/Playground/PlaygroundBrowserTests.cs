using EngageBot.Channels.Playground;
using EngageBot.Features.Directory.Import;
using EngageBot.Hosting;
using EngageBot.TestSupport;
using Xunit.Abstractions;

namespace EngageBot.Tests.Playground;

/// <summary>
/// The playground in a real browser against the real service on loopback (Kestrel, the page, SSE, the Adaptive Cards
/// renderer): the screenshots it saves are the ones docs/images keeps for the README.
/// </summary>
public sealed class PlaygroundBrowserTests(ITestOutputHelper log)
{
    [BrowserFact]
    public async Task A_partner_question_gets_its_triage_card_whose_button_works_and_the_clock_brings_the_nudge()
    {
        await PlaygroundBrowser.EnsureInstalledAsync();
        using var data = new TempDirectory();
        var url = $"http://127.0.0.1:{FreePort.Next()}";
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions
        {
            EnvironmentName = "Development",
            Args = [$"--urls={url}", $"--EngageBot:Storage:DataDirectory={data.Path}", "--EngageBot:ChurnRisk:Detection:Provider=Rules"],
        });
        builder.AddEngageBot();
        await using var app = builder.Build();
        app.MapEngageBot();
        await app.StartAsync();
        Assert.True((await app.Services.GetRequiredService<DirectoryImporter>().ImportAsync(
            await File.ReadAllTextAsync(Path.Combine(RepoPaths.Root, "samples", "partners.yaml")))).Succeeded);
        // Monday 09:00 in New York, Northwind's business hours and its owner's working hours, whatever the real date.
        await app.Services.GetRequiredService<PlaygroundTimeControl>().AdvanceToAsync(NextMondayNineInNewYork(DateTimeOffset.UtcNow), CancellationToken.None);

        var (code, output) = await NodeTools.RunNodeAsync("playground-browser.mjs", [url, Path.Combine(RepoPaths.Root, "docs", "images")], timeout: TimeSpan.FromMinutes(3));

        log.WriteLine(output);
        Assert.True(code == 0, output);
        await app.StopAsync();
    }

    private static DateTimeOffset NextMondayNineInNewYork(DateTimeOffset now)
    {
        var zone = TimeZoneInfo.FindSystemTimeZoneById("America/New_York");
        var day = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(now, zone).DateTime).AddDays(1);
        while (day.DayOfWeek != DayOfWeek.Monday) day = day.AddDays(1);
        var local = day.ToDateTime(new TimeOnly(9, 0));
        return new DateTimeOffset(local, zone.GetUtcOffset(local));
    }
}
