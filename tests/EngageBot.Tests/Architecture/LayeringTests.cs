using System.Text.RegularExpressions;
using EngageBot.TestSupport;

namespace EngageBot.Tests.Architecture;

/// <summary>
/// Adapters translate, features decide: feature code never touches a platform's wire types or a storage
/// adapter, so Slack, Teams, SQLite and Table Storage stay swappable.
/// </summary>
public sealed partial class LayeringTests
{
    private static readonly string Src = Path.Combine(RepoPaths.Root, "src", "EngageBot");

    [Fact]
    public void Features_do_not_use_platform_or_storage_adapters()
    {
        var forbidden = ForbiddenInFeatures();
        var offenders = SourceFiles("Features")
            .SelectMany(f => File.ReadLines(f).Select((line, i) => (f, i, line)))
            .Where(x => forbidden.IsMatch(x.line))
            .Select(x => $"{Path.GetRelativePath(Src, x.f)}:{x.i + 1}: {x.line.Trim()}")
            .ToList();
        Assert.True(offenders.Count == 0, "Features must use the ports only:\n" + string.Join('\n', offenders));
    }

    /// <summary>
    /// Platforms are values: features never ask which one they serve (help prefixes, thread links, "the other platform"
    /// come from the adapters' descriptors and a person's identities). Only the directory file's model and reader spell
    /// out its `slack` and `teams` sections.
    /// </summary>
    [Fact]
    public void Features_never_branch_on_a_platform_name()
    {
        var schema = new[] { Path.Combine("Features", "Directory", "Model"), Path.Combine("Features", "Directory", "Import") };
        var offenders = SourceFiles("Features")
            .Where(f => !schema.Any(s => Path.GetRelativePath(Src, f).StartsWith(s, StringComparison.Ordinal)))
            .SelectMany(f => File.ReadLines(f).Select((line, i) => (f, i, line)))
            .Where(x => PlatformName().IsMatch(x.line))
            .Select(x => $"{Path.GetRelativePath(Src, x.f)}:{x.i + 1}: {x.line.Trim()}")
            .ToList();
        Assert.True(offenders.Count == 0, "Features must not name a platform (use IChatPlatformDescriptor, Person.Identities, Partner.Platforms):\n" + string.Join('\n', offenders));
    }

    [Fact]
    public void Sdk_stand_ins_know_nothing_of_EngageBot_features()
    {
        var libraries = new[] { "EngageBot.BotFramework", "EngageBot.SlackApi", "EngageBot.AdaptiveCards" };
        var offenders = libraries
            .SelectMany(lib => System.IO.Directory.EnumerateFiles(Path.Combine(RepoPaths.Root, "src", lib), "*.cs", SearchOption.AllDirectories))
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}"))
            .Where(f => FeatureReference().IsMatch(File.ReadAllText(f)))
            .ToList();
        Assert.Empty(offenders);
    }

    [Fact]
    public void Time_comes_from_TimeProvider()
    {
        var offenders = System.IO.Directory.EnumerateFiles(Path.Combine(RepoPaths.Root, "src"), "*.cs", SearchOption.AllDirectories)
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}"))
            .SelectMany(f => File.ReadLines(f).Select((line, i) => (f, i, line)))
            .Where(x => WallClock().IsMatch(x.line) && !x.line.TrimStart().StartsWith("//", StringComparison.Ordinal))
            .Select(x => $"{Path.GetRelativePath(RepoPaths.Root, x.f)}:{x.i + 1}")
            .ToList();
        Assert.True(offenders.Count == 0, "Use an injected TimeProvider so tests control the clock:\n" + string.Join('\n', offenders));
    }

    private static IEnumerable<string> SourceFiles(string folder) =>
        System.IO.Directory.Exists(Path.Combine(Src, folder))
            ? System.IO.Directory.EnumerateFiles(Path.Combine(Src, folder), "*.cs", SearchOption.AllDirectories)
            : [];

    [GeneratedRegex(@"\b(EngageBot\.(SlackApi|BotFramework)|Azure\.Data\.Tables|EngageBot\.Channels\.(Slack|Teams|Playground)|EngageBot\.Storage\.(Sqlite|AzureTables)|Microsoft\.Data\.Sqlite|Azure\.AI\.OpenAI|using OpenAI|ChatClientFactory)\b")]
    private static partial Regex ForbiddenInFeatures();

    [GeneratedRegex(@"\bChatPlatform\.(Slack|Teams)\b|""(Slack|Teams|Playground)""|\.(SlackUserId|TeamsAadObjectId)\b|\bChatPlatform\(""", RegexOptions.IgnoreCase)]
    private static partial Regex PlatformName();

    [GeneratedRegex(@"\bEngageBot\.(Features|Channels|Storage|Hosting|Cards)\b")]
    private static partial Regex FeatureReference();

    [GeneratedRegex(@"\b(DateTime|DateTimeOffset)\.(UtcNow|Now|Today)\b")]
    private static partial Regex WallClock();
}
