using EngageBot.Features.ChurnRisk.Detection.Embedding;

namespace EngageBot.Tests.ChurnRisk;

/// <summary>
/// A stand-in sentence model for tests of the training and loading code: hashed bag of words, unit length. Words
/// carry the meaning, so a classifier trained on a tiny corpus learns it in milliseconds; counts its calls.
/// </summary>
public sealed class HashingEmbedder(int dimensions = 64) : ITextEmbedder
{
    public int Calls { get; private set; }

    public string ModelId => "hashing-test-embedder";

    public int Dimensions => dimensions;

    public float[][] Embed(IReadOnlyList<string> texts, CancellationToken cancellationToken = default)
    {
        Calls++;
        return [.. texts.Select(Vector)];
    }

    private float[] Vector(string text)
    {
        var v = new float[dimensions];
        foreach (var word in text.ToLowerInvariant().Split([' ', ',', '.', '!', '?', '\''], StringSplitOptions.RemoveEmptyEntries))
            v[(int)((uint)StableHash(word) % (uint)dimensions)] += 1;
        var norm = MathF.Sqrt(v.Sum(x => x * x));
        return norm == 0 ? v : [.. v.Select(x => x / norm)];
    }

    private static int StableHash(string s)
    {
        var h = 17;
        foreach (var c in s) h = unchecked(h * 31 + c);
        return h;
    }
}
