namespace EngageBot.Channels.Playground;

/// <summary>
/// The page and its scripts, built into the executable so a fresh clone serves them with no install step. The Adaptive
/// Cards renderer is Microsoft's `adaptivecards` browser bundle, vendored with its licence (web/vendor); a test keeps it
/// identical to the npm package the card tests use.
/// </summary>
public static class PlaygroundAssets
{
    private static readonly Dictionary<string, string> Types = new(StringComparer.OrdinalIgnoreCase)
    {
        [".html"] = "text/html; charset=utf-8",
        [".js"] = "text/javascript; charset=utf-8",
        [".css"] = "text/css; charset=utf-8",
        [".txt"] = "text/plain; charset=utf-8",
    };

    public static IResult Serve(string file)
    {
        var stream = typeof(PlaygroundAssets).Assembly.GetManifestResourceStream($"EngageBot.Playground.{file.Replace('/', '.')}");
        return stream is null || !Types.TryGetValue(Path.GetExtension(file), out var type)
            ? Results.NotFound()
            : Results.Stream(stream, type);
    }
}
