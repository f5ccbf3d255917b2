namespace EngageBot.Features.ChurnRisk.Cli;

/// <summary>"--name value" pairs of the churn-model verbs, and where a data set's customers file sits by convention.</summary>
internal static class CliOptions
{
    public static Dictionary<string, string> Parse(IReadOnlyList<string> args, string[] known, out string? problem)
    {
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        problem = null;
        for (var i = 0; i < args.Count; i++)
        {
            if (!known.Contains(args[i])) { problem = $"unexpected argument '{args[i]}'"; break; }
            if (i + 1 >= args.Count) { problem = $"{args[i]} needs a value"; break; }
            values[args[i]] = args[++i];
        }
        return values;
    }

    /// <summary>FILE.jsonl's customers: FILE-customers.txt beside it.</summary>
    public static string CustomersBeside(string jsonl) =>
        Path.Combine(Path.GetDirectoryName(jsonl) ?? "", Path.GetFileNameWithoutExtension(jsonl) + "-customers.txt");
}
