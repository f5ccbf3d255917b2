using System.Text.Json;
using EngageBot.Features.ChurnRisk.Cli;
using EngageBot.Features.ChurnRisk.Detection;
using EngageBot.Features.ChurnRisk.Detection.Embedding;
using EngageBot.Features.ChurnRisk.Evaluation;
using Microsoft.Extensions.Options;

namespace EngageBot.Tests.ChurnRisk;

public sealed class ChurnModelCommandsTests : IDisposable
{
    private readonly string _dir = System.IO.Directory.CreateTempSubdirectory("churn-model-").FullName;

    public void Dispose() => System.IO.Directory.Delete(_dir, recursive: true);

    private string Write(string name, IEnumerable<string> lines)
    {
        var path = Path.Combine(_dir, name);
        File.WriteAllLines(path, lines);
        return path;
    }

    private static string Line(string id, string text, string kind, string? severity = null, string? customer = null) =>
        JsonSerializer.Serialize(new { id, text, kind, severity, customer });

    private string SmallCorpus()
    {
        Write("small-customers.txt", ["Acme Corp", "Globex"]);
        var lines = new List<string>();
        string[] risks = ["{0} will not renew the contract", "{0} is cancelling the subscription", "{0} gave notice and is leaving", "{0} signed with a competitor"];
        string[] partner = ["we are leaving your partner program", "we stop reselling your product", "our commissions are unpaid, we quit the program"];
        string[] none = ["{0} renewed for three years", "thanks for the help with {0}", "{0} loves the new dashboard", "can you send the invoice for {0}", "great call with {0} today"];
        var n = 0;
        foreach (var customer in new[] { "Acme Corp", "Globex" })
        {
            foreach (var r in risks) lines.Add(Line($"r{n++}", string.Format(r, customer), "customer", "high", customer));
            foreach (var r in none) lines.Add(Line($"n{n++}", string.Format(r, customer), "none"));
        }
        foreach (var p in partner) lines.Add(Line($"p{n++}", p, "partner", "medium"));
        return Write("small.jsonl", lines);
    }

    [Fact]
    public async Task Train_writes_weights_the_detector_loads_and_caches_the_vectors_it_computed()
    {
        var corpus = SmallCorpus();
        var outFile = Path.Combine(_dir, "classifier.json");
        var cache = Path.Combine(_dir, "vectors.bin");
        var embedder = new HashingEmbedder();
        var stdout = new StringWriter();

        var code = await new ChurnModelTrainCommand(new RulesChurnDetector(), embedder)
            .RunAsync(["--corpus", corpus, "--out", outFile, "--cache", cache, "--folds", "2"], stdout, new StringWriter(), CancellationToken.None);

        Assert.Equal(0, code);
        Assert.Contains("21 messages (8 customer, 3 partner, 10 none), 2 customers", stdout.ToString());
        Assert.Contains("2-fold cross-validation on the corpus: precision", stdout.ToString());
        var classifier = ChurnClassifier.Load(outFile);
        Assert.Equal(("hashing-test-embedder", 21, ChurnClassifierTrainer.Sha256Of(corpus)), (classifier.EmbeddingModel, classifier.TrainedOn, classifier.CorpusSha256));
        Assert.True(File.Exists(cache));

        var detector = new EmbeddingChurnDetector(new RulesChurnDetector(), embedder, Options.Create(new ChurnDetectionOptions { ClassifierPath = outFile }));
        var customers = CustomerName.From(["Acme Corp", "Globex"]);
        Assert.Equal((ChurnKind.Customer, "Globex"), (detector.Detect("Globex will not renew", customers) is var s ? (s.Kind, s.Customer) : default));
        Assert.False(detector.Detect("thanks for the help with Acme Corp", customers).IsRisk);

        // A second run reads the vectors from the cache instead of embedding again.
        var again = new HashingEmbedder();
        await new ChurnModelTrainCommand(new RulesChurnDetector(), again).RunAsync(["--corpus", corpus, "--out", outFile, "--cache", cache, "--folds", "0"], new StringWriter(), new StringWriter(), CancellationToken.None);
        Assert.Equal(0, again.Calls);
    }

    [Fact]
    public async Task A_bad_corpus_line_is_reported_with_its_file_and_line_and_nothing_is_written()
    {
        var corpus = Write("bad.jsonl", [Line("a", "Acme Corp will not renew", "customer", "high", "Acme Corp"), Line("b", "fine", "maybe")]);
        var outFile = Path.Combine(_dir, "classifier.json");
        var stderr = new StringWriter();

        var code = await new ChurnModelTrainCommand(new RulesChurnDetector(), new HashingEmbedder())
            .RunAsync(["--corpus", corpus, "--out", outFile], new StringWriter(), stderr, CancellationToken.None);

        Assert.Equal(1, code);
        Assert.Contains($"{corpus}:2: \"kind\" must be none, customer or partner", stderr.ToString());
        Assert.False(File.Exists(outFile));
    }

    [Fact]
    public async Task Evaluate_prints_the_rules_and_the_embedding_detector_side_by_side()
    {
        var input = Write("mine.jsonl", [Line("1", "Acme Corp will not renew in March.", "customer", "high", "Acme Corp"), Line("2", "Thanks, that fixed it!", "none")]);
        Write("mine-customers.txt", ["Acme Corp"]);
        var stdout = new StringWriter();
        var detector = new EmbeddingChurnDetector(new RulesChurnDetector(), ChurnModels.CachedMiniLm, Options.Create(new ChurnDetectionOptions()));

        var code = await new ChurnModelEvaluateCommand(new RulesChurnDetector(), detector).RunAsync(["--input", input, "--errors"], stdout, new StringWriter(), CancellationToken.None);

        Assert.Equal(0, code);
        var lines = stdout.ToString().Split('\n');
        Assert.Contains(": 2 messages (1 risks), 1 customers", lines[0]);
        Assert.StartsWith("rules      precision 1.000  recall 1.000  kind 1.000  customer 1.000 (1/1)", lines[1]);
        Assert.StartsWith("embedding  precision", lines[2]);
    }

    [Fact]
    public void The_built_in_classifier_was_trained_on_the_committed_corpus()
    {
        var classifier = ChurnClassifier.Load(null);

        Assert.Equal(ChurnClassifierTrainer.Sha256Of(ChurnModels.CorpusPath), classifier.CorpusSha256);
        Assert.Equal(("all-MiniLM-L6-v2", 384), (classifier.EmbeddingModel, classifier.Dimensions));
    }

    [Fact]
    public void The_training_corpus_is_large_covers_every_kind_and_severity_and_shares_nothing_with_the_blind_evaluation_set()
    {
        var corpus = LabelledChurnMessage.Read(ChurnModels.CorpusPath);
        var eval = LabelledMessages.Load("eval-e").Select(m => m.Text.Trim()).ToHashSet(StringComparer.OrdinalIgnoreCase);

        Assert.True(corpus.Count >= 600, $"{corpus.Count} messages");
        Assert.Equal(corpus.Count, corpus.Select(m => m.Id).Distinct().Count());
        foreach (var kind in new[] { "customer", "partner" })
            foreach (var severity in new[] { "low", "medium", "high" })
                Assert.Contains(corpus, m => m.Kind == kind && m.Severity == severity);
        Assert.True(corpus.Count(m => !m.IsRisk) >= corpus.Count / 3);
        Assert.DoesNotContain(corpus, m => eval.Contains(m.Text.Trim()));
        // The blind writers chose customer names independently and three of eval-e's 28 coincide with the corpus's;
        // names are masked as "the customer" before embedding and hashing, so they teach the model nothing. No other may join them.
        var evalCustomers = LabelledMessages.Customers("eval-e").Select(c => c.Value).ToHashSet();
        var shared = corpus.Where(m => m.Customer is not null && evalCustomers.Contains(m.Customer)).Select(m => m.Customer!).ToHashSet();
        Assert.Equal(["Corvid Analytics", "Kestrel Aviation Services", "Pinecrest School District"], shared.Order());
    }
}
