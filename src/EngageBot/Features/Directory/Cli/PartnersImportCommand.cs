using EngageBot.Cli;
using EngageBot.Features.Directory.Import;

namespace EngageBot.Features.Directory.Cli;

/// <summary>`engagebot partners import FILE`: applies a directory file whole, or lists every error and changes nothing.</summary>
public sealed class PartnersImportCommand(DirectoryImporter importer) : ICliCommand
{
    public string Verb => "partners import";

    public string Usage => "FILE";

    public async Task<int> RunAsync(IReadOnlyList<string> args, TextWriter output, TextWriter error, CancellationToken cancellationToken)
    {
        if (args.Count != 1 || args[0].StartsWith('-'))
        {
            await error.WriteLineAsync($"usage: engagebot {Verb} {Usage}");
            return 2;
        }
        var path = args[0];
        string yaml;
        try
        {
            yaml = await File.ReadAllTextAsync(path, cancellationToken);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            await error.WriteLineAsync($"engagebot: cannot read '{path}': {e.Message}");
            return 1;
        }
        var result = await importer.ImportAsync(yaml, cancellationToken);
        if (!result.Succeeded)
        {
            foreach (var e in result.Errors) await error.WriteLineAsync(e.Format(path));
            await error.WriteLineAsync($"{result.Errors.Count} error{(result.Errors.Count == 1 ? "" : "s")}; nothing was imported.");
            return 1;
        }
        foreach (var line in result.Report!.Lines()) await output.WriteLineAsync(line);
        return 0;
    }
}
