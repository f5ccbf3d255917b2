using EngageBot.Channels.Inbox;
using EngageBot.Features.Directory.Import;
using EngageBot.Hosting;

namespace EngageBot.Channels.Playground.Demo;

/// <summary>
/// `engagebot demo [--no-serve] [--data DIR]`: a fresh store in its own data directory (default ./data/demo, emptied
/// first), the sample directory loaded, a scripted week played through the playground with a readable transcript, then
/// the playground served for looking around (--no-serve exits after the transcript). Needs no configuration.
/// </summary>
public static class PlaygroundDemo
{
    public const string Verb = "demo";
    private const string Marker = ".engagebot-demo";

    public static async Task<int> RunAsync(string[] args, TextWriter output, TextWriter error)
    {
        var serve = !args.Contains("--no-serve");
        var data = Path.GetFullPath(args.SkipWhile(a => a != "--data").Skip(1).FirstOrDefault() ?? Path.Combine("data", "demo"));
        if (!PrepareDataDirectory(data, error)) return 1;

        var hostArgs = args.Where(a => a.StartsWith("--", StringComparison.Ordinal) && a.Contains('=')).Concat(
        [
            "--EngageBot:Storage:Provider=Sqlite", $"--EngageBot:Storage:DataDirectory={data}", "--EngageBot:Playground:Enabled=true",
            // Every resolved ticket asks for a rating in the demo, so the transcript shows it (a deployment samples).
            "--EngageBot:Feedback:RatingSampleRate=1",
        ]).ToArray();
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { Args = hostArgs, ContentRootPath = AppContext.BaseDirectory });
        // The transcript is the output; only errors interrupt it (e.g. the sample's Slack channels have no Slack to go to).
        builder.Logging.AddFilter((_, level) => level >= LogLevel.Error);
        builder.AddEngageBot();
        await using var app = builder.Build();
        StartupValidation.Validate(app.Services, forService: true);
        app.MapEngageBot();
        await app.StartAsync();

        var import = await app.Services.GetRequiredService<DirectoryImporter>().ImportAsync(SampleDirectory());
        if (!import.Succeeded)
        {
            await error.WriteLineAsync("engagebot demo: the sample directory did not import: " + string.Join("; ", import.Errors));
            return 1;
        }
        await output.WriteLineAsync($"EngageBot demo: a week with the sample directory (store: {data}).");
        var zone = TimeZoneInfo.FindSystemTimeZoneById("America/New_York");
        var writer = new DemoTranscriptWriter(app.Services.GetRequiredService<PlaygroundTranscript>(), output, zone);
        var player = new DemoPlayer(app.Services.GetRequiredService<PlaygroundIntake>(), app.Services.GetRequiredService<PlaygroundTimeControl>(),
            app.Services.GetRequiredService<PlaygroundTranscript>(), app.Services.GetRequiredService<InboxStore>(), writer);
        await new DemoWeek(player, writer, zone).PlayAsync();

        if (!serve)
        {
            await app.StopAsync();
            return 0;
        }
        var url = app.Urls.FirstOrDefault()?.Replace("0.0.0.0", "localhost", StringComparison.Ordinal).Replace("[::]", "localhost", StringComparison.Ordinal);
        await output.WriteLineAsync($"\nLook around: {url}/playground (Ctrl+C stops the demo).");
        await app.WaitForShutdownAsync();
        return 0;
    }

    /// <summary>The demo's own directory, emptied: only one the demo made (marked) or an empty one, never someone's store.</summary>
    private static bool PrepareDataDirectory(string data, TextWriter error)
    {
        if (Directory.Exists(data) && Directory.EnumerateFileSystemEntries(data).Any())
        {
            if (!File.Exists(Path.Combine(data, Marker)))
            {
                error.WriteLine($"engagebot demo: {data} holds files the demo did not make; choose another folder with --data DIR.");
                return false;
            }
            Directory.Delete(data, recursive: true);
        }
        Directory.CreateDirectory(data);
        File.WriteAllText(Path.Combine(data, Marker), "Made by `engagebot demo`; emptied by its next run.\n");
        return true;
    }

    private static string SampleDirectory()
    {
        using var stream = typeof(PlaygroundDemo).Assembly.GetManifestResourceStream("EngageBot.sample-partners.yaml")
            ?? throw new InvalidOperationException("The sample directory is not built into this executable.");
        return new StreamReader(stream).ReadToEnd();
    }
}
