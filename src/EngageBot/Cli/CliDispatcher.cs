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
        if (invocation.AsksForHelp)
        {
            await WriteUsageAsync(output, match.Command is null ? commands : [match.Command]);
            return 0;
        }
        if (match.Command is null)
        {
            await error.WriteLineAsync($"engagebot: unknown command '{string.Join(' ', words)}'");
            await WriteUsageAsync(error, commands);
            return 2;
        }
        return await match.Command.RunAsync(words.Skip(match.Parts.Length).ToList(), output, error, cancellationToken);
    }

    private static async Task WriteUsageAsync(TextWriter writer, IReadOnlyList<ICliCommand> commands)
    {
        await writer.WriteLineAsync("usage:");
        if (commands.Count > 1)
            await writer.WriteLineAsync("  engagebot [serve]                runs the service");
        if (commands.Count > 1)
            await writer.WriteLineAsync("  engagebot demo [--no-serve] [--data DIR]   a scripted week in the browser playground on a fresh store (docs/playground.md)");
        foreach (var c in commands.OrderBy(c => c.Verb, StringComparer.Ordinal))
            await writer.WriteLineAsync($"  engagebot {c.Verb} {c.Usage}");
        if (commands.Count > 1)
            await writer.WriteLineAsync("configuration overrides: --EngageBot:Section:Key=value (e.g. --EngageBot:Storage:DataDirectory=data)");
    }
}
