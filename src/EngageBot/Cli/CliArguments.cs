namespace EngageBot.Cli;

/// <summary>
/// The options of a verb: flags (--json) and options taking one value (--partner ID). Anything else, or an option
/// without its value, is a usage error naming the argument.
/// </summary>
public sealed class CliArguments
{
    private readonly HashSet<string> _flags = [];
    private readonly Dictionary<string, string> _values = [];

    public bool Has(string flag) => _flags.Contains(flag);

    public string? Value(string option) => _values.GetValueOrDefault(option);

    /// <summary>The parsed arguments, or null after writing "engagebot VERB: unexpected argument …" and the usage to <paramref name="error"/>.</summary>
    public static async Task<CliArguments?> ParseAsync(ICliCommand command, IReadOnlyList<string> args, IReadOnlyCollection<string> flags,
        IReadOnlyCollection<string> options, TextWriter error)
    {
        var parsed = new CliArguments();
        for (var i = 0; i < args.Count; i++)
        {
            if (flags.Contains(args[i])) parsed._flags.Add(args[i]);
            else if (options.Contains(args[i]) && i + 1 < args.Count) parsed._values[args[i]] = args[++i];
            else
            {
                await error.WriteLineAsync($"engagebot {command.Verb}: unexpected argument '{args[i]}'. Usage: engagebot {command.Verb} {command.Usage}");
                return null;
            }
        }
        return parsed;
    }
}
