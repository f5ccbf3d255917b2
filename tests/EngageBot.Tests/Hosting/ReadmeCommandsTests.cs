using System.Text.Json.Nodes;
using EngageBot.Features.Directory.Import;
using EngageBot.TestSupport;

namespace EngageBot.Tests.Hosting;

/// <summary>
/// Runs the README's fresh-machine and first-ten-minutes commands exactly as written, from the repository root through `dotnet run`,
/// so the README cannot drift from the code. The store is redirected by environment (the command text is untouched)
/// to a folder given relative to the repository root, which also proves relative paths resolve where the user stands.
/// </summary>
public sealed class ReadmeCommandsTests : IDisposable
{
    private const string RunPrefix = "dotnet run --project src/EngageBot";
    private readonly string _data = Path.Combine(AppContext.BaseDirectory, "readme-data-" + Guid.NewGuid().ToString("N"));

    [Fact]
    public async Task The_fresh_machine_admin_commands_work_as_written_from_the_repository_root()
    {
        // The demo serves the playground until stopped; PlaygroundDemoTests runs the same verb with --no-serve.
        Assert.Single(FreshMachineCommands(), c => c.EndsWith("-- demo", StringComparison.Ordinal));
        var commands = FreshMachineCommands().Where(c => c.Contains(" -- ", StringComparison.Ordinal) && !c.EndsWith("-- demo", StringComparison.Ordinal)).ToList();
        Assert.Contains(commands, c => c.EndsWith("-- partners import samples/partners.yaml", StringComparison.Ordinal));
        Assert.Contains(commands, c => c.EndsWith("-- partners list", StringComparison.Ordinal));

        var outputs = new Dictionary<string, EngageBotProcess.Result>();
        foreach (var command in commands)
        {
            var result = await RunAsWrittenAsync(command);
            Assert.True(result.ExitCode == 0, $"`{command}` exited {result.ExitCode}:\n{result.Output}\n{result.Error}");
            outputs[command[(command.IndexOf(" -- ", StringComparison.Ordinal) + 4)..]] = result;
        }

        Assert.Contains("4 partners added", outputs["partners import samples/partners.yaml"].Output);
        Assert.True(File.Exists(Path.Combine(_data, "engagebot.db")), "the store is not where the relative DataDirectory points from the repository root");
        var list = outputs["partners list"].Output;
        foreach (var partner in DirectoryFileParser.Parse(File.ReadAllText(Path.Combine(RepoPaths.Samples, "partners.yaml"))).Content!.Partners)
            Assert.Contains(partner.Id, list);
        if (outputs.Keys.FirstOrDefault(k => k.StartsWith("churn-model evaluate", StringComparison.Ordinal)) is { } evaluate)
            Assert.Contains("embedding  precision", outputs[evaluate].Output);
        if (outputs.Keys.FirstOrDefault(k => k.StartsWith("classify", StringComparison.Ordinal)) is { } classify)
            Assert.All(outputs[classify].Output.Split('\n', StringSplitOptions.RemoveEmptyEntries), line => Assert.NotNull(JsonNode.Parse(line)!["kind"]));
    }

    [Fact]
    public async Task The_service_command_starts_and_says_which_chat_platforms_are_not_configured()
    {
        var serve = Assert.Single(FreshMachineCommands(), c => c == RunPrefix);

        var output = await EngageBotProcess.RunUntilAsync(DotnetArgs(serve), Environment(), RepoPaths.Root, "Application started");

        Assert.Single(output.Split('\n'), l => l.Contains("Slack is not configured: set EngageBot:Slack:BotToken", StringComparison.Ordinal));
        Assert.Single(output.Split('\n'), l => l.Contains("Microsoft Teams is not configured: set EngageBot:Teams:AppId", StringComparison.Ordinal));
        Assert.True(File.Exists(Path.Combine(_data, "engagebot.db")), output);
    }

    private Task<EngageBotProcess.Result> RunAsWrittenAsync(string command) =>
        EngageBotProcess.RunDotnetAsync(DotnetArgs(command), Environment(), RepoPaths.Root);

    // The test build has built the app already (same configuration as this test); --no-build keeps each command to
    // seconds. Nothing else is added.
    private static List<string> DotnetArgs(string command)
    {
        var words = command.Split(' ', StringSplitOptions.RemoveEmptyEntries).ToList();
        Assert.Equal("dotnet run", string.Join(' ', words.Take(2)));
        words.Insert(2, "--no-build");
        if (TestConfiguration != "Debug") words.InsertRange(2, ["--configuration", TestConfiguration]);
        return words.Skip(1).ToList();
    }

    // bin/<Configuration>/<framework>/ of this test assembly.
    private static string TestConfiguration =>
        new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar)).Parent!.Name;

    private Dictionary<string, string> Environment() => new()
    {
        ["EngageBot__Storage__DataDirectory"] = Path.GetRelativePath(RepoPaths.Root, _data),
        ["ASPNETCORE_URLS"] = "http://127.0.0.1:0",
    };

    /// <summary>
    /// The `dotnet run --project src/EngageBot…` lines of the README's code blocks (indented lines, also inside list
    /// items) in its "Fresh machine" and "The first ten minutes" sections.
    /// </summary>
    private static IEnumerable<string> FreshMachineCommands()
    {
        var readme = File.ReadAllLines(Path.Combine(RepoPaths.Root, "README.md"));
        return ReadmeSection(readme, "## Fresh machine").Concat(ReadmeSection(readme, "## The first ten minutes"))
            .Where(l => l.StartsWith("    ", StringComparison.Ordinal) && l.TrimStart().StartsWith(RunPrefix, StringComparison.Ordinal))
            .Select(l => l.Trim());
    }

    private static IEnumerable<string> ReadmeSection(string[] readme, string heading)
    {
        var start = Array.FindIndex(readme, l => l.StartsWith(heading, StringComparison.Ordinal));
        Assert.True(start >= 0, $"README has no '{heading}' section");
        return readme.Skip(start + 1).TakeWhile(l => !l.StartsWith("## ", StringComparison.Ordinal));
    }

    public void Dispose()
    {
        try { System.IO.Directory.Delete(_data, recursive: true); } catch (IOException) { } catch (UnauthorizedAccessException) { }
    }
}
