namespace EngageBot.Cli;

/// <summary>Finds the command whose verb matches the most leading words and runs it.</summary>
public static class CliDispatcher
{
    public static async Task<int> RunAsync(IServiceProvider services, CliInvocation invocation, TextWriter output, TextWriter error, CancellationToken cancellationToken)
    {
        var commands = services.GetServices<ICliCommand>().ToList();
        var words = invocation.Words;
        var match = commands
            .Select(c => (Command: c, Parts: c.Verb.Split(' ')))
            .Where(c => c.Parts.Length <= words.Count && c.Parts.Select((p, i) => p == words[i]).All(x => x))
            .OrderByDescending(c => c.Parts.Length)
            .FirstOrDefault();
        if (match.Command is null || words.Contains("--help") || words.Contains("-h"))
        {
            var writer = match.Command is null && !words.Contains("--help") ? error : output;
            if (match.Command is null && words.Count > 0 && words[0] is not ("help" or "--help" or "-h"))
                writer.WriteLine($"engagebot: unknown command '{string.Join(' ', words)}'");
            writer.WriteLine("usage:");
            writer.WriteLine("  engagebot [serve]");
            foreach (var c in commands.OrderBy(c => c.Verb, StringComparer.Ordinal))
                writer.WriteLine($"  engagebot {c.Verb} {c.Usage}");
            return match.Command is null && words.Count > 0 && words[0] is not ("help" or "--help" or "-h") ? 2 : 0;
        }
        return await match.Command.RunAsync(words.Skip(match.Parts.Length).ToList(), output, error, cancellationToken);
    }
}
