namespace EngageBot.Features.ChurnRisk.Detection.Embedding;

/// <summary>
/// Multinomial logistic regression: one weight row and bias per class, probabilities by softmax (two classes is
/// plain logistic regression). Small enough to commit as JSON and to evaluate in microseconds.
/// </summary>
public sealed class SoftmaxRegression
{
    public required string[] Classes { get; init; }

    public required float[][] Weights { get; init; }

    public required float[] Bias { get; init; }

    public double[] Probabilities(ReadOnlySpan<float> features)
    {
        if (features.Length != Weights[0].Length) throw new ArgumentException($"expected {Weights[0].Length} features, got {features.Length}");
        var logits = new double[Classes.Length];
        for (var c = 0; c < logits.Length; c++)
        {
            double sum = Bias[c];
            var w = Weights[c];
            for (var i = 0; i < w.Length; i++) sum += w[i] * features[i];
            logits[c] = sum;
        }
        var max = logits.Max();
        var total = 0.0;
        for (var c = 0; c < logits.Length; c++) total += logits[c] = Math.Exp(logits[c] - max);
        for (var c = 0; c < logits.Length; c++) logits[c] /= total;
        return logits;
    }

    public double Probability(ReadOnlySpan<float> features, string label) => Probabilities(features)[Array.IndexOf(Classes, label)];

    public (string Label, double Probability) Predict(ReadOnlySpan<float> features)
    {
        var p = Probabilities(features);
        var best = 0;
        for (var c = 1; c < p.Length; c++) if (p[c] > p[best]) best = c;
        return (Classes[best], p[best]);
    }

    /// <summary>
    /// Full-batch Adam on the cross-entropy with L2, classes weighted to balance them, deterministic (zero start,
    /// fixed order). With a few hundred vectors and features this takes well under a second.
    /// </summary>
    public static SoftmaxRegression Train(string[] classes, IReadOnlyList<float[]> x, IReadOnlyList<string> y, double l2 = 1e-3, int epochs = 600, double rate = 0.05)
    {
        var n = x.Count;
        var d = x[0].Length;
        var k = classes.Length;
        var target = y.Select(label => Array.IndexOf(classes, label)).ToArray();
        if (target.Any(t => t < 0)) throw new ArgumentException("a label is not one of the classes");
        var counts = new int[k];
        foreach (var t in target) counts[t]++;
        var classWeight = counts.Select(c => c == 0 ? 0 : (double)n / (k * c)).ToArray();
        var model = new SoftmaxRegression { Classes = classes, Weights = [.. Enumerable.Range(0, k).Select(_ => new float[d])], Bias = new float[k] };
        var m = new double[k, d + 1];
        var v = new double[k, d + 1];
        const double beta1 = 0.9, beta2 = 0.999, eps = 1e-8;
        for (var epoch = 1; epoch <= epochs; epoch++)
        {
            var grad = new double[k, d + 1];
            var weightSum = 0.0;
            for (var s = 0; s < n; s++)
            {
                var p = model.Probabilities(x[s]);
                var sw = classWeight[target[s]];
                weightSum += sw;
                for (var c = 0; c < k; c++)
                {
                    var error = sw * (p[c] - (c == target[s] ? 1 : 0));
                    for (var i = 0; i < d; i++) grad[c, i] += error * x[s][i];
                    grad[c, d] += error;
                }
            }
            for (var c = 0; c < k; c++)
                for (var i = 0; i <= d; i++)
                {
                    var current = i < d ? model.Weights[c][i] : model.Bias[c];
                    var g = grad[c, i] / weightSum + (i < d ? l2 * current : 0);
                    m[c, i] = beta1 * m[c, i] + (1 - beta1) * g;
                    v[c, i] = beta2 * v[c, i] + (1 - beta2) * g * g;
                    var step = rate * (m[c, i] / (1 - Math.Pow(beta1, epoch))) / (Math.Sqrt(v[c, i] / (1 - Math.Pow(beta2, epoch))) + eps);
                    if (i < d) model.Weights[c][i] = (float)(current - step);
                    else model.Bias[c] = (float)(current - step);
                }
        }
        return model;
    }
}
