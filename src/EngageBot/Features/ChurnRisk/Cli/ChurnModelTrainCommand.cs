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

    // The grid --sweep prints, around the defaults.
    private static readonly double[] SweepL2 = [3e-4, 1e-3, 3e-3];
    private static readonly int[] SweepNeighbours = [10, 20, 40];
    private static readonly double[] SweepWeights = [0.3, 0.4, 0.5, 0.6, 0.7];
    private static readonly double[] SweepThresholds = [.. Enumerable.Range(0, 16).Select(i => 0.40 + 0.02 * i)];

    public string Verb => "churn-model train";

    public string Usage => $"[--corpus FILE.jsonl] [--customers FILE] [--out FILE.json] [--cache FILE] [--folds N] [--sweep]   (defaults {DefaultCorpus}, its -customers.txt, {DefaultOut}, {DefaultCache}, 5)";

    public async Task<int> RunAsync(IReadOnlyList<string> args, TextWriter output, TextWriter error, CancellationToken cancellationToken)
    {
        if (await CliArguments.ParseAsync(this, args, ["--sweep"], ["--corpus", "--customers", "--out", "--cache", "--folds"], error) is not { } options) return 2;
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
            var kFolds = ChurnClassifierTrainer.KFolds(examples.Count, folds);
            var writerFolds = ChurnClassifierTrainer.WriterFolds(examples, out var writers);
            await output.WriteLineAsync($"{folds}-fold cross-validation on the corpus: {Figures(trainer.CrossValidate(examples, kFolds))}");
            if (writers.Length > 1)
                await output.WriteLineAsync($"grouped by writer ({string.Join(", ", writers)} each held out): {Figures(trainer.CrossValidate(examples, writerFolds))}");
            if (options.Has("--sweep")) await SweepAsync(trainer, examples, [("k-fold", kFolds), ("writer", writerFolds)], output);
        }
        var classifier = trainer.Train(examples, ChurnClassifierTrainer.Sha256Of(corpus));
        System.IO.Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(outFile))!);
        classifier.Save(outFile);
        await output.WriteLineAsync($"wrote {outFile} ({new FileInfo(outFile).Length / 1024} KiB); use it with EngageBot:ChurnRisk:Detection:ClassifierPath, or rebuild to ship it");
        return 0;
    }

    private static string Figures(CrossValidation cv) =>
        $"precision {cv.Precision:0.000}  recall {cv.Recall:0.000}  kind {cv.Kind:0.000}  severity head {cv.Severity:0.000}";

    /// <summary>Prints cross-validated precision and recall of each combination of the knobs, to choose the defaults by.</summary>
    private static async Task SweepAsync(ChurnClassifierTrainer trainer, IReadOnlyList<ChurnExample> examples, (string Name, int[] Folds)[] schemes, TextWriter output)
    {
        foreach (var (name, folds) in schemes)
            foreach (var (knobs, precision, recall) in trainer.Sweep(examples, folds, SweepL2, SweepNeighbours, SweepWeights, SweepThresholds))
                await output.WriteLineAsync($"sweep {name}  {knobs}: precision {precision:0.000}  recall {recall:0.000}");
    }
}
