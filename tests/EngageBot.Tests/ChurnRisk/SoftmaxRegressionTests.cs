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
}
