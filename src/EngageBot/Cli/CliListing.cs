using System.Text.Json;

namespace EngageBot.Cli;

/// <summary>The shape every "list" verb shares: only [--json] accepted, a JSON array for scripts, one line per item for people.</summary>
public static class CliListing
{
    public static async Task<int> RunAsync<T>(
        ICliCommand command,
        IReadOnlyList<string> args,
        IAsyncEnumerable<T> items,
        Func<T, string> line,
        string emptyText,
        JsonSerializerOptions jsonOptions,
        TextWriter output,
        TextWriter error,
        CancellationToken cancellationToken)
    {
        if (args.Any(a => a != "--json"))
        {
            await error.WriteLineAsync($"usage: engagebot {command.Verb} {command.Usage}");
            return 2;
        }
        var list = new List<T>();
        await foreach (var item in items.WithCancellation(cancellationToken))
            list.Add(item);
        if (args.Contains("--json"))
            await output.WriteLineAsync(JsonSerializer.Serialize(list, jsonOptions));
        else if (list.Count == 0)
            await output.WriteLineAsync(emptyText);
        else
            foreach (var item in list)
                await output.WriteLineAsync(line(item));
        return 0;
    }

    /// <summary>One table cell on one line: newlines flattened, long values cut with an ellipsis, padded to the width.</summary>
    public static string Cell(string value, int width)
    {
        var flat = value.ReplaceLineEndings(" ").Replace('\t', ' ');
        return (flat.Length > width ? flat[..(width - 1)] + "…" : flat).PadRight(width);
    }
}
