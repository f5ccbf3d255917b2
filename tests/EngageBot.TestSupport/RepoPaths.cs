namespace EngageBot.TestSupport;

/// <summary>Locates the repository (the folder with EngageBot.sln) from a test's output directory.</summary>
public static class RepoPaths
{
    public static string Root { get; } = Find();

    public static string Cards => Path.Combine(Root, "cards");
    public static string Samples => Path.Combine(Root, "samples");
    public static string NodeTools => Path.Combine(Root, "tests", "node");

    private static string Find()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "EngageBot.sln")))
                return dir.FullName;
        throw new InvalidOperationException("EngageBot.sln not found above " + AppContext.BaseDirectory);
    }
}
