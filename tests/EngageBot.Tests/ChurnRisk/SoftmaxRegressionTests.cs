using EngageBot.Features.ChurnRisk.Detection.Embedding;

namespace EngageBot.Tests.ChurnRisk;

public sealed class SoftmaxRegressionTests
{
    [Fact]
    public void Learns_three_separable_classes_and_its_probabilities_sum_to_one()
    {
        float[][] x = [[1, 0], [0.9f, 0.1f], [0, 1], [0.1f, 0.9f], [-1, -1], [-0.9f, -1]];
        string[] y = ["a", "a", "b", "b", "c", "c"];

        var model = SoftmaxRegression.Train(["a", "b", "c"], x, y, epochs: 300);

        Assert.Equal(y, x.Select(v => model.Predict(v).Label));
        Assert.Equal(1, model.Probabilities([0.3f, 0.2f]).Sum(), 6);
    }

    [Fact]
    public void Training_is_deterministic()
    {
        float[][] x = [[1, 0], [0, 1]];
        var a = SoftmaxRegression.Train(["n", "y"], x, ["n", "y"], epochs: 50);
        var b = SoftmaxRegression.Train(["n", "y"], x, ["n", "y"], epochs: 50);

        Assert.Equal(a.Weights.SelectMany(w => w), b.Weights.SelectMany(w => w));
    }

    [Fact]
    public void The_wrong_number_of_features_is_an_error_not_a_guess()
    {
        var model = SoftmaxRegression.Train(["n", "y"], [[1f, 0f], [0f, 1f]], ["n", "y"], epochs: 5);

        Assert.Throws<ArgumentException>(() => model.Probabilities([1f, 0f, 0f]));
    }

    [Fact]
    public void Learns_from_word_ngrams_what_the_dense_features_cannot_tell_apart_and_saves_them_in_half_precision()
    {
        // Same vector for both labels: only the words tell "renewal signed" from "renewal lost".
        string[] texts = ["renewal signed", "the renewal is signed", "renewal lost", "we lost the renewal"];
        float[][] x = [.. texts.Select(_ => new[] { 0.5f, 0.5f })];
        int[][] grams = [.. texts.Select(HashedNgrams.Of)];

        var model = SoftmaxRegression.Train(["none", "risk"], x, ["none", "none", "risk", "risk"], epochs: 200, ngrams: grams);
        var saved = System.Text.Json.JsonSerializer.Deserialize<SoftmaxRegression>(
            System.Text.Json.JsonSerializer.Serialize(model, WebJson), WebJson)!;

        Assert.Equal(["none", "none", "risk", "risk"], grams.Select(g => saved.Predict(x[0], g).Label));
        Assert.Equal(model.Probability(x[0], "risk", grams[2]), saved.Probability(x[0], "risk", grams[2]), 12);
        Assert.Equal(HashedNgrams.Buckets, saved.NgramBuckets);
        Assert.Equal(2 * HashedNgrams.Buckets * 2, Convert.FromBase64String(saved.NgramWeights!).Length);
        // Without n-grams the head falls back on the dense features alone: undecided here.
        Assert.InRange(saved.Probability(x[0], "risk"), 0.3, 0.7);
    }

    [Fact]
    public void Cut_off_ngram_weights_are_refused_with_what_to_do_not_read_as_zeros()
    {
        var model = SoftmaxRegression.Train(["n", "y"], [[1f], [0f]], ["n", "y"], epochs: 5, ngrams: [HashedNgrams.Of("a"), HashedNgrams.Of("b")]);
        var cut = new SoftmaxRegression { Classes = model.Classes, Weights = model.Weights, Bias = model.Bias, NgramBuckets = model.NgramBuckets, NgramWeights = model.NgramWeights![..100] };

        var e = Assert.Throws<InvalidDataException>(() => cut.Check("weights.json", 1));
        Assert.Contains("weights.json: a head's n-gram weights do not match 2 classes", e.Message);
        Assert.Contains("retrain", e.Message);
    }

    private static readonly System.Text.Json.JsonSerializerOptions WebJson = new(System.Text.Json.JsonSerializerDefaults.Web);
}
