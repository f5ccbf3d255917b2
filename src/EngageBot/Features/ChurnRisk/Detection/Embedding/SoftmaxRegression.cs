namespace EngageBot.Features.ChurnRisk.Detection.Embedding;

/// <summary>
/// Multinomial logistic regression: one weight row and bias per class, probabilities by softmax (two classes is
/// plain logistic regression), over dense features and, optionally, hashed word n-grams (<see cref="HashedNgrams"/>,
/// a sparse 0/1 vector scaled to unit length). Small enough to commit and to evaluate in microseconds.
/// </summary>
public sealed class SoftmaxRegression
{
    private float[][]? _ngrams;

    public required string[] Classes { get; init; }

    public required float[][] Weights { get; init; }

    public required float[] Bias { get; init; }

    /// <summary>How many n-gram buckets the head weighs (0: none, dense features only).</summary>
    public int NgramBuckets { get; init; }

    /// <summary>The n-gram weights, class by class, as half-precision floats, base64 (a third of their size as JSON numbers).</summary>
    public string? NgramWeights { get; init; }

    private float[][] Ngrams => _ngrams ??= Decode(Convert.FromBase64String(NgramWeights ?? ""), Classes.Length, NgramBuckets);

    public double[] Probabilities(ReadOnlySpan<float> features, ReadOnlySpan<int> ngrams = default)
    {
        if (features.Length != Weights[0].Length) throw new ArgumentException($"expected {Weights[0].Length} features, got {features.Length}");
        var logits = new double[Classes.Length];
        var ngramWeights = NgramBuckets > 0 && ngrams.Length > 0 ? Ngrams : null;
        var ngramScale = 1 / Math.Sqrt(Math.Max(1, ngrams.Length));
        for (var c = 0; c < logits.Length; c++)
        {
            double sum = Bias[c];
            var w = Weights[c];
            for (var i = 0; i < w.Length; i++) sum += w[i] * features[i];
            if (ngramWeights is not null)
            {
                double grams = 0;
                foreach (var g in ngrams) grams += ngramWeights[c][g];
                sum += grams * ngramScale;
            }
            logits[c] = sum;
        }
        var max = logits.Max();
        var total = 0.0;
        for (var c = 0; c < logits.Length; c++) total += logits[c] = Math.Exp(logits[c] - max);
        for (var c = 0; c < logits.Length; c++) logits[c] /= total;
        return logits;
    }

    public double Probability(ReadOnlySpan<float> features, string label, ReadOnlySpan<int> ngrams = default) =>
        Probabilities(features, ngrams)[Array.IndexOf(Classes, label)];

    public (string Label, double Probability) Predict(ReadOnlySpan<float> features, ReadOnlySpan<int> ngrams = default)
    {
        var p = Probabilities(features, ngrams);
        var best = 0;
        for (var c = 1; c < p.Length; c++) if (p[c] > p[best]) best = c;
        return (Classes[best], p[best]);
    }

    /// <summary>
    /// Full-batch Adam on the cross-entropy with L2, classes weighted to balance them, deterministic (zero start,
    /// fixed order). With n-grams (one bucket list per sample) each bucket gets a weight per class, regularised by
    /// <paramref name="ngramL2"/>. With a few thousand samples this takes seconds.
    /// </summary>
    public static SoftmaxRegression Train(string[] classes, IReadOnlyList<float[]> x, IReadOnlyList<string> y, double l2 = 1e-3, int epochs = 600, double rate = 0.05,
        IReadOnlyList<int[]>? ngrams = null, double ngramL2 = 3e-5)
    {
        var n = x.Count;
        var d = x[0].Length;
        var k = classes.Length;
        var h = ngrams is null ? 0 : HashedNgrams.Buckets;
        var target = y.Select(label => Array.IndexOf(classes, label)).ToArray();
        if (target.Any(t => t < 0)) throw new ArgumentException("a label is not one of the classes");
        if (ngrams is not null && ngrams.Count != n) throw new ArgumentException("one n-gram list per sample");
        var counts = new int[k];
        foreach (var t in target) counts[t]++;
        var classWeight = counts.Select(c => c == 0 ? 0 : (double)n / (k * c)).ToArray();
        var model = new SoftmaxRegression { Classes = classes, Weights = [.. Enumerable.Range(0, k).Select(_ => new float[d])], Bias = new float[k], NgramBuckets = h };
        model._ngrams = [.. Enumerable.Range(0, k).Select(_ => new float[h])];
        // Parameters per class: d dense weights, the bias, then h n-gram weights; Adam's moments for each.
        var m = new double[k, d + 1 + h];
        var v = new double[k, d + 1 + h];
        var grad = new double[k, d + 1 + h];
        const double beta1 = 0.9, beta2 = 0.999, eps = 1e-8;
        for (var epoch = 1; epoch <= epochs; epoch++)
        {
            Array.Clear(grad);
            var weightSum = 0.0;
            for (var s = 0; s < n; s++)
            {
                var sampleGrams = ngrams is null ? [] : ngrams[s];
                var p = model.Probabilities(x[s], sampleGrams);
                var sw = classWeight[target[s]];
                var gramScale = 1 / Math.Sqrt(Math.Max(1, sampleGrams.Length));
                weightSum += sw;
                for (var c = 0; c < k; c++)
                {
                    var error = sw * (p[c] - (c == target[s] ? 1 : 0));
                    for (var i = 0; i < d; i++) grad[c, i] += error * x[s][i];
                    grad[c, d] += error;
                    foreach (var g in sampleGrams) grad[c, d + 1 + g] += error * gramScale;
                }
            }
            var correction1 = 1 - Math.Pow(beta1, epoch);
            var correction2 = 1 - Math.Pow(beta2, epoch);
            for (var c = 0; c < k; c++)
                for (var i = 0; i < d + 1 + h; i++)
                {
                    var current = i < d ? model.Weights[c][i] : i == d ? model.Bias[c] : model._ngrams[c][i - d - 1];
                    var g = grad[c, i] / weightSum + (i < d ? l2 * current : i > d ? ngramL2 * current : 0);
                    if (g == 0 && m[c, i] == 0) continue; // a bucket no sample has yet: stays zero
                    m[c, i] = beta1 * m[c, i] + (1 - beta1) * g;
                    v[c, i] = beta2 * v[c, i] + (1 - beta2) * g * g;
                    var next = (float)(current - rate * (m[c, i] / correction1) / (Math.Sqrt(v[c, i] / correction2) + eps));
                    if (i < d) model.Weights[c][i] = next;
                    else if (i == d) model.Bias[c] = next;
                    else model._ngrams[c][i - d - 1] = next;
                }
        }
        if (h == 0) return model;
        // What is saved is half precision: train-time and saved models must agree, so the returned model decodes it too.
        return new SoftmaxRegression { Classes = classes, Weights = model.Weights, Bias = model.Bias, NgramBuckets = h, NgramWeights = Encode(model._ngrams) };
    }

    internal void Check(string source, int features)
    {
        if (Weights.Length != Classes.Length || Bias.Length != Classes.Length || Weights.Any(w => w.Length != features))
            throw new InvalidDataException($"{source}: a head does not match {features} features; retrain with engagebot churn-model train");
        if (NgramBuckets is not (0 or HashedNgrams.Buckets))
            throw new InvalidDataException($"{source}: a head was trained on {NgramBuckets} n-gram buckets, this build hashes into {HashedNgrams.Buckets}; retrain with engagebot churn-model train");
        if (NgramBuckets == 0) return;
        var bytes = Convert.FromBase64String(NgramWeights ?? "");
        if (bytes.Length != Classes.Length * NgramBuckets * 2)
            throw new InvalidDataException($"{source}: a head's n-gram weights do not match {Classes.Length} classes × {NgramBuckets} buckets; retrain with engagebot churn-model train");
        _ngrams = Decode(bytes, Classes.Length, NgramBuckets); // checked once, decoded once
    }

    private static string Encode(float[][] rows)
    {
        var bytes = new byte[rows.Sum(r => r.Length) * 2];
        var at = 0;
        foreach (var row in rows)
            foreach (var w in row)
            {
                BitConverter.TryWriteBytes(bytes.AsSpan(at), (Half)w);
                at += 2;
            }
        return Convert.ToBase64String(bytes);
    }

    private static float[][] Decode(byte[] bytes, int classes, int buckets) =>
        [.. Enumerable.Range(0, classes).Select(c => Enumerable.Range(0, buckets).Select(i => (float)BitConverter.ToHalf(bytes, (c * buckets + i) * 2)).ToArray())];
}
