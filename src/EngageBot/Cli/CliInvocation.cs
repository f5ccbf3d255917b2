namespace EngageBot.Cli;

/// <summary>
/// Splits the command line: the verb words and their arguments, and configuration overrides
/// (--Section:Key=value) that go to the host so admin verbs can target any store.
/// </summary>
public sealed record CliInvocation(IReadOnlyList<string> Words, string[] HostArgs)
{
    public bool IsServe => Words.Count == 0 || (Words[0] == "serve" && !AsksForHelp);

    public bool AsksForHelp => Words.Any(IsHelpFlag) || Words is ["help", ..];

    private static bool IsHelpFlag(string word) => word is "--help" or "-h";

    public static CliInvocation Parse(string[] args)
    {
        // `engagebot --help` must print usage, not start the service with "--help" taken as a host argument.
        if (args.Length == 0 || ((args[0] == "serve" || args[0].StartsWith("--", StringComparison.Ordinal)) && !args.Any(IsHelpFlag)))
            return new([], args.SkipWhile(a => a == "serve").ToArray());
        var hostArgs = args.Where(IsConfigOverride).ToArray();
        return new(args.Where(a => !IsConfigOverride(a)).ToList(), hostArgs);
    }

    private static bool IsConfigOverride(string arg) =>
        arg.StartsWith("--", StringComparison.Ordinal) && arg.IndexOf('=') is > 2 and var eq && arg.AsSpan(2, eq - 2).Contains(':');
}
