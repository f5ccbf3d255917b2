using EngageBot.Cli;
using EngageBot.Features.ChurnRisk.Detection;
using EngageBot.Features.ChurnRisk.Detection.Embedding;
using EngageBot.Features.ChurnRisk.Evaluation;

namespace EngageBot.Features.ChurnRisk.Cli;

/// <summary>
/// engagebot churn-model train: embeds a labelled corpus (vectors cached on disk), reports k-fold cross-validation on
/// it, and writes the classifier weights. Defaults are the repository's corpus and committed weights file.
/// </summary>
internal sealed class ChurnModelTrainCommand(RulesChurnDetector rules, ITextEmbedder embedder) : ICliCommand
{
    public const string DefaultCorpus = "models/churn/corpus.jsonl";
    public const string DefaultOut = "models/churn/churn-classifier.json";
    public const string DefaultCache = "artifacts/churn-embeddings.bin";

    public string Verb => "churn-model train";

    public string Usage => $"[--corpus FILE.jsonl] [--customers FILE] [--out FILE.json] [--cache FILE] [--folds N]   (defaults {DefaultCorpus}, its -customers.txt, {DefaultOut}, {DefaultCache}, 5)";

    public async Task<int> RunAsync(IReadOnlyList<string> args, TextWriter output, TextWriter error, CancellationToken cancellationToken)
    {
        if (await CliArguments.ParseAsync(this, args, [], ["--corpus", "--customers", "--out", "--cache", "--folds"], error) is not { } options) return 2;
        var folds = 5;
        if (options.Value("--folds") is { } f && (!int.TryParse(f, out folds) || folds is < 0 or 1 or > 20))
        {
            await error.WriteLineAsync($"engagebot churn-model train: --folds must be 0 (none) or 2 to 20\nusage: engagebot {Verb} {Usage}");
            return 2;
        }
        var corpus = options.Value("--corpus") ?? DefaultCorpus;
        var customersFile = options.Value("--customers") ?? LabelledChurnMessage.CustomersBeside(corpus);
        var outFile = options.Value("--out") ?? DefaultOut;
        if (!File.Exists(corpus))
        {
            await error.WriteLineAsync($"engagebot churn-model train: file not found: {corpus}");
            return 1;
        }
        IReadOnlyList<LabelledChurnMessage> set;
        try
        {
            set = LabelledChurnMessage.Read(corpus);
        }
        catch (InvalidDataException e)
        {
            await error.WriteLineAsync($"engagebot churn-model train: {e.Message}");
            return 1;
        }
        var customers = LabelledChurnMessage.ReadCustomers(customersFile);
        await output.WriteLineAsync($"corpus {corpus}: {set.Count} messages ({set.Count(m => m.Kind == "customer")} customer, {set.Count(m => m.Kind == "partner")} partner, {set.Count(m => !m.IsRisk)} none), {customers.Count} customers");

        var trainer = new ChurnClassifierTrainer(rules, new CachedTextEmbedder(embedder, options.Value("--cache") ?? DefaultCache));
        var examples = trainer.Examples(set, customers, cancellationToken);
        if (folds > 0)
        {
            var (precision, recall, kind) = trainer.CrossValidate(examples, folds);
            await output.WriteLineAsync($"{folds}-fold cross-validation on the corpus: precision {precision:0.000}  recall {recall:0.000}  kind {kind:0.000}");
        }
        var classifier = trainer.Train(examples, ChurnClassifierTrainer.Sha256Of(corpus));
        System.IO.Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(outFile))!);
        classifier.Save(outFile);
        await output.WriteLineAsync($"wrote {outFile} ({new FileInfo(outFile).Length / 1024} KiB); use it with EngageBot:ChurnRisk:Detection:ClassifierPath, or rebuild to ship it");
        return 0;
    }
}
