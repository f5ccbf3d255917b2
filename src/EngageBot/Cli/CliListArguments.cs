namespace EngageBot.Cli;

/// <summary>
/// The options the list verbs share: [--partner ID] [--since TIME] [--json]. A bad argument is written to the error
/// stream with the verb's usage, and the verb exits 2.
/// </summary>
internal sealed record CliListArguments(string? Partner, DateTimeOffset Since, bool Json)
{
    public static CliListArguments? Parse(ICliCommand command, IReadOnlyList<string> args, DateTimeOffset now, TimeSpan defaultAge, TextWriter error)
    {
        var result = new CliListArguments(null, now - defaultAge, false);
        for (var i = 0; i < args.Count; i++)
        {
            switch (args[i])
            {
                case "--json":
                    result = result with { Json = true };
                    break;
                case "--partner" when i + 1 < args.Count:
                    result = result with { Partner = args[++i] };
                    break;
                case "--since" when i + 1 < args.Count:
                    if (!CliTime.TryParse(args[++i], now, out var since))
                    {
                        error.WriteLine($"{command.Verb}: --since '{args[i]}' is neither an ISO-8601 time nor an age like 7d or 24h.");
                        return null;
                    }
                    result = result with { Since = since };
                    break;
                default:
                    error.WriteLine($"{command.Verb}: unexpected argument '{args[i]}'. Usage: {command.Verb} {command.Usage}");
                    return null;
            }
        }
        return result;
    }
}
