using EngageBot.Cli;
using EngageBot.Features.ChurnRisk.Detection;
using EngageBot.Features.ChurnRisk.Evaluation;

namespace EngageBot.Features.ChurnRisk.Cli;

/// <summary>
/// engagebot churn-model evaluate --input FILE.jsonl [--customers FILE] [--errors]: precision, recall, kind, customer
/// and severity accuracy of the rules alone and of the embedding detector on one's own labelled messages.
/// </summary>
internal sealed class ChurnModelEvaluateCommand(RulesChurnDetector rules, EmbeddingChurnDetector embedding) : ICliCommand
{
    public string Verb => "churn-model evaluate";

    public string Usage => "--input FILE.jsonl [--customers FILE] [--errors]   (lines {\"id\",\"text\",\"kind\",\"severity\",\"customer\"}; customers default FILE-customers.txt)";

    public async Task<int> RunAsync(IReadOnlyList<string> args, TextWriter output, TextWriter error, CancellationToken cancellationToken)
    {
        if (await CliArguments.ParseAsync(this, args, ["--errors"], ["--input", "--customers"], error) is not { } options) return 2;
        var showErrors = options.Has("--errors");
        if (options.Value("--input") is not { } input)
        {
            await error.WriteLineAsync($"engagebot churn-model evaluate: --input FILE.jsonl is required\nusage: engagebot {Verb} {Usage}");
            return 2;
        }
        if (!File.Exists(input))
        {
            await error.WriteLineAsync($"engagebot churn-model evaluate: file not found: {input}");
            return 1;
        }
        IReadOnlyList<LabelledChurnMessage> set;
        try
        {
            set = LabelledChurnMessage.Read(input);
        }
        catch (InvalidDataException e)
        {
            await error.WriteLineAsync($"engagebot churn-model evaluate: {e.Message}");
            return 1;
        }
        var customers = LabelledChurnMessage.ReadCustomers(options.Value("--customers") ?? LabelledChurnMessage.CustomersBeside(input));
        await output.WriteLineAsync($"{input}: {set.Count} messages ({set.Count(m => m.IsRisk)} risks), {customers.Count} customers");
        foreach (var (name, detector) in new (string, IChurnDetector)[] { ("rules    ", rules), ("embedding", embedding) })
        {
            var result = await ChurnEvaluation.RunAsync(detector, set, customers, cancellationToken);
            await output.WriteLineAsync($"{name}  {result.Summary}");
            if (showErrors) foreach (var e in result.Errors) await output.WriteLineAsync("    " + e);
        }
        return 0;
    }
}
