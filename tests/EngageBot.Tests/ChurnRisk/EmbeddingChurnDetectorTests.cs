using EngageBot.Features.ChurnRisk.Detection;
using EngageBot.Features.ChurnRisk.Detection.Embedding;
using EngageBot.Features.ChurnRisk.Evaluation;
using Microsoft.Extensions.Options;
using Xunit.Abstractions;

namespace EngageBot.Tests.ChurnRisk;

public sealed class EmbeddingChurnDetectorTests(ITestOutputHelper output)
{
    private static readonly IReadOnlyList<CustomerName> Customers = CustomerName.From(["Acme Corp", "Globex", "Umbrella Health", "Initech Labs"]);

    // Issue 16's targets: precision >= 0.92, recall >= 0.90, kind >= 0.9, customer >= 0.9. eval-e was written blind by a
    // writer who saw neither the corpus, the model nor any evaluation set, and run once, after the knobs were chosen by
    // cross-validation grouped by writer and the weights committed (f838d6e): precision 0.935, recall 0.929, kind 0.981,
    // customer 1.000 (100/100), severity 0.759; the rules alone 0.857, 0.388, 0.909, 1.000 (38/38).
    // The set must not be tuned on: a change that lowers these figures is a regression, one that raises them proves little.
    [Fact]
    public async Task Meets_the_precision_recall_kind_and_customer_targets_on_the_blind_evaluation_set()
    {
        var (combined, rules) = await BothDetectorsOnAsync("eval-e", "written blind");

        output.WriteLine(string.Join("\n", combined.Errors));
        Assert.True(combined.Precision >= 0.92, combined.ToString());
        Assert.True(combined.Recall >= 0.90, combined.ToString());
        Assert.True(combined.KindAccuracy >= 0.9, combined.ToString());
        Assert.True(combined.CustomerAccuracy >= 0.9, combined.ToString());
        Assert.True(combined.Recall > rules.Recall + 0.3, combined.ToString());
    }

    // The former blind sets, each the judge of an earlier design, then studied and folded into the corpus (ids b, c, d):
    // their figures now are on training messages, printed, not asserted. Run once as judges they gave: eval-b 0.884 /
    // 0.803, eval-c 0.841 / 0.907, eval-d 0.909 / 0.941 (precision / recall).
    [Theory]
    [InlineData("eval-b")]
    [InlineData("eval-c")]
    [InlineData("eval-d")]
    public async Task Prints_the_figures_on_the_former_blind_sets_now_in_the_corpus(string name)
    {
        await BothDetectorsOnAsync(name, "training now");
    }

    [Theory]
    [InlineData("dev")]
    [InlineData("holdout")]
    [InlineData("fresh")]
    public async Task Does_well_on_the_older_labelled_sets_too(string name)
    {
        var (combined, _) = await BothDetectorsOnAsync(name, "seen, not trained on");

        Assert.True(combined.Precision >= 0.85, combined.ToString());
        Assert.True(combined.Recall >= 0.85, combined.ToString());
        Assert.True(combined.CustomerAccuracy >= 0.9, combined.ToString());
    }

    /// <summary>Embedding+rules and the rules alone on one labelled set under data/, printed side by side.</summary>
    private async Task<(ChurnEvaluation Combined, ChurnEvaluation Rules)> BothDetectorsOnAsync(string name, string note)
    {
        var set = LabelledMessages.Load(name);
        var customers = LabelledMessages.Customers(name);
        ChurnModels.Warm(set);
        var combined = await ChurnEvaluation.RunAsync(ChurnModels.Detector(), set, customers);
        var rules = await ChurnEvaluation.RunAsync(new RulesChurnDetector(), set, customers);
        output.WriteLine($"{name} ({note}), {set.Count} messages\n  embedding+rules  {combined.Summary}\n  rules alone      {rules.Summary}");
        return (combined, rules);
    }

    [Theory]
    [InlineData("Globex formally requested termination of the agreement, letter attached.", "Globex")]
    [InlineData("acme corp is done with us, they're migrating everything off by March", "Acme Corp")]
    [InlineData("Umbrella's board decided to consolidate on a single platform, and it isn't ours.", "Umbrella Health")]
    public void Catches_plain_statements_the_rules_miss_and_names_the_customer_from_the_directory(string text, string customer)
    {
        var signal = ChurnModels.Detector().Detect(text, Customers);

        Assert.Equal(ChurnKind.Customer, signal.Kind);
        Assert.Equal(customer, signal.Customer);
        Assert.NotNull(signal.Severity);
        Assert.Contains(signal.Reasons, r => r.StartsWith("embedding: risk ", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("Our reps have stopped pitching your product altogether.")]
    [InlineData("We also joined your competitor's partner program this quarter.")]
    public void Catches_partner_disengagement_without_naming_a_customer(string text)
    {
        var signal = ChurnModels.Detector().Detect(text, Customers);

        Assert.Equal(ChurnKind.Partner, signal.Kind);
        Assert.Null(signal.Customer);
    }

    [Theory]
    [InlineData("Can you cancel the meeting tomorrow? I'm travelling.")]
    [InlineData("We beat the competitor on the Globex deal!")]
    [InlineData("The renewal went through, Acme Corp signed for three years.")]
    [InlineData("Acme Corp is not planning to cancel, that was a rumour.")]
    public void Hard_negatives_are_not_risks(string text)
    {
        var signal = ChurnModels.Detector().Detect(text, Customers);

        Assert.False(signal.IsRisk, string.Join("; ", signal.Reasons));
        Assert.Null(signal.Severity);
    }

    [Fact]
    public void The_rules_cues_stay_in_the_reasons_as_evidence()
    {
        var signal = ChurnModels.Detector().Detect("Acme Corp will not renew in March.", Customers);

        Assert.Equal((ChurnKind.Customer, ChurnSeverity.High, "Acme Corp"), (signal.Kind, signal.Severity, signal.Customer));
        Assert.Contains(signal.Reasons, r => r.StartsWith("cue: ", StringComparison.Ordinal));
        Assert.Contains("customer: 'Acme Corp'", signal.Reasons);
    }

    [Fact]
    public void The_rules_verdict_is_evidence_the_classifier_weighs_not_an_override()
    {
        var path = ClassifierNothingReaches();
        var detector = new EmbeddingChurnDetector(new RulesChurnDetector(), new HashingEmbedder(), Options.Create(new ChurnDetectionOptions { ClassifierPath = path }));

        var explicitCue = detector.Detect("Acme Corp is not renewing in March.", Customers);
        File.Delete(path);

        // In cross-validation grouped by writer, letting explicit cues stand on their own added 7 risks and 21 false
        // positives ("Kestrel IT is leaving your partner program", about another partner): the classifier decides.
        Assert.False(explicitCue.IsRisk, string.Join("; ", explicitCue.Reasons));
        Assert.Contains(explicitCue.Reasons, r => r.StartsWith("cue: 'not renewing'", StringComparison.Ordinal));
        Assert.Contains(explicitCue.Reasons, r => r.StartsWith("embedding: risk ", StringComparison.Ordinal) && r.EndsWith("(below 1.00)", StringComparison.Ordinal));
    }

    // A classifier on the hashing stand-in whose threshold no message reaches.
    private static string ClassifierNothingReaches()
    {
        var embedder = new HashingEmbedder();
        var trainer = new ChurnClassifierTrainer(new RulesChurnDetector(), embedder);
        LabelledChurnMessage[] set =
        [
            new("1", "Acme Corp will not renew", "customer", "high", "Acme Corp"), new("2", "Globex is leaving us", "customer", "medium", "Globex"),
            new("3", "we quit your partner program", "partner", "low", null), new("4", "thanks, all good", "none", null, null),
            new("5", "Acme Corp renewed for a year", "none", null, null), new("6", "great call with Globex", "none", null, null),
        ];
        var classifier = trainer.Train(trainer.Examples(set, Customers), "", ChurnTrainingKnobs.Default with { Threshold = 0.999 });
        var path = Path.Combine(Path.GetTempPath(), $"churn-classifier-{Guid.NewGuid():N}.json");
        classifier.Save(path);
        return path;
    }

    [Fact]
    public void Nothing_is_loaded_until_the_first_message_and_then_only_once()
    {
        var embedder = new HashingEmbedder();
        var detector = new EmbeddingChurnDetector(new RulesChurnDetector(), embedder, Options.Create(new ChurnDetectionOptions { ClassifierPath = "no-such-file.json" }));
        Assert.Equal(0, embedder.Calls);

        Assert.Throws<FileNotFoundException>(() => detector.Detect("Acme Corp will not renew.", Customers));
    }

    [Fact]
    public void A_classifier_trained_on_another_model_is_refused_with_what_to_do()
    {
        var detector = new EmbeddingChurnDetector(new RulesChurnDetector(), new HashingEmbedder(), Options.Create(new ChurnDetectionOptions()));

        var e = Assert.Throws<InvalidOperationException>(() => detector.Detect("Acme Corp will not renew.", Customers));
        Assert.Contains("retrain", e.Message);
    }

    [Fact]
    public void An_empty_message_is_no_risk_and_embeds_nothing()
    {
        var embedder = new HashingEmbedder();
        var detector = new EmbeddingChurnDetector(new RulesChurnDetector(), embedder, Options.Create(new ChurnDetectionOptions()));

        Assert.False(detector.Detect("   ", Customers).IsRisk);
        Assert.Equal(0, embedder.Calls);
    }
}
