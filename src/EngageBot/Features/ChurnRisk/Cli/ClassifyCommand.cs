using System.Text.Json;
using System.Text.Json.Nodes;
using EngageBot.Cli;
using EngageBot.Features.ChurnRisk.Detection;

namespace EngageBot.Features.ChurnRisk.Cli;

/// <summary>
/// engagebot classify --input FILE.jsonl [--customers FILE]: one verdict line per input line, in input order.
/// A malformed line is reported with its number on stderr and skipped; the rest still classify (exit code 1).
/// </summary>
internal sealed class ClassifyCommand(IChurnDetector detector, ICustomerNameSource customerSource) : ICliCommand
{
    public string Verb => "classify";

    public string Usage => "--input FILE.jsonl [--customers FILE]   (lines {\"id\",\"text\"}; customers one name per line)";

    public async Task<int> RunAsync(IReadOnlyList<string> args, TextWriter output, TextWriter error, CancellationToken cancellationToken)
    {
        if (!TryParse(args, out var input, out var customersFile, out var problem))
        {
            await error.WriteLineAsync($"engagebot classify: {problem}");
            await error.WriteLineAsync($"usage: engagebot classify {Usage}");
            return 2;
        }
        foreach (var file in new[] { input, customersFile }.OfType<string>())
            if (!File.Exists(file))
            {
                await error.WriteLineAsync($"engagebot classify: file not found: {file}");
                return 1;
            }
        var customers = customersFile is null
            ? await customerSource.GetCustomerNamesAsync(cancellationToken)
            : CustomerName.From(await File.ReadAllLinesAsync(customersFile, cancellationToken));

        var rejected = 0;
        var lineNumber = 0;
        using var reader = new StreamReader(input!);
        while (await reader.ReadLineAsync(cancellationToken) is { } line)
        {
            lineNumber++;
            if (string.IsNullOrWhiteSpace(line)) continue;
            if (!TryReadMessage(line, out var id, out var text, out var why))
            {
                rejected++;
                await error.WriteLineAsync($"engagebot classify: {input}:{lineNumber}: {why}; line skipped");
                continue;
            }
            var signal = await detector.DetectAsync(text, customers, cancellationToken);
            await output.WriteLineAsync(ChurnSignalJson.Write(id, signal));
        }
        if (rejected > 0) await error.WriteLineAsync($"engagebot classify: {rejected} line(s) rejected");
        return rejected > 0 ? 1 : 0;
    }

    private static bool TryReadMessage(string line, out JsonNode id, out string text, out string why)
    {
        id = JsonValue.Create(0);
        text = "";
        JsonNode? node;
        try
        {
            node = JsonNode.Parse(line);
        }
        catch (JsonException e)
        {
            why = $"not valid JSON ({e.Message.Split(". ")[0]})";
            return false;
        }
        if (node is not JsonObject obj) { why = "expected a JSON object"; return false; }
        if (obj["id"] is not JsonValue idValue || idValue.GetValueKind() is not (JsonValueKind.String or JsonValueKind.Number))
        {
            why = "\"id\" must be a string or number";
            return false;
        }
        if (obj["text"] is not JsonValue textValue || textValue.GetValueKind() != JsonValueKind.String)
        {
            why = "\"text\" must be a string";
            return false;
        }
        id = idValue.DeepClone();
        text = textValue.GetValue<string>();
        why = "";
        return true;
    }

    private static bool TryParse(IReadOnlyList<string> args, out string? input, out string? customers, out string problem)
    {
        input = null;
        customers = null;
        problem = "";
        for (var i = 0; i < args.Count; i++)
        {
            var value = i + 1 < args.Count ? args[i + 1] : null;
            switch (args[i])
            {
                case "--input" when value is not null: input = value; i++; break;
                case "--customers" when value is not null: customers = value; i++; break;
                case "--input" or "--customers": problem = $"{args[i]} needs a file"; return false;
                default: problem = $"unexpected argument '{args[i]}'"; return false;
            }
        }
        if (input is null) problem = "--input FILE.jsonl is required";
        return input is not null;
    }
}
