using EngageBot.Features.ChurnRisk.Detection.Embedding;

namespace EngageBot.Tests.ChurnRisk;

public sealed class NearestNeighboursTests
{
    private static float[] Unit(params float[] v)
    {
        var norm = MathF.Sqrt(v.Sum(x => x * x));
        return [.. v.Select(x => x / norm)];
    }

    [Fact]
    public void The_vote_follows_the_nearest_messages_and_weighs_the_nearer_more()
    {
        float[][] vectors = [Unit(1, 0, 0), Unit(0.9f, 0.1f, 0), Unit(0, 1, 0), Unit(0, 0.9f, 0.1f)];
        var neighbours = NearestNeighbours.Build(vectors, [true, true, false, false], 3, k: 2, sharpness: 10);

        Assert.Equal(1, neighbours.RiskProbability(Unit(1, 0.05f, 0)), 6);
        Assert.Equal(0, neighbours.RiskProbability(Unit(0.05f, 1, 0)), 6);
        var all = NearestNeighbours.Build(vectors, [true, true, false, false], 3, k: 4, sharpness: 10);
        Assert.InRange(all.RiskProbability(Unit(1, 0.2f, 0)), 0.9, 1.0);
    }

    [Fact]
    public void Vectors_stored_as_bytes_keep_the_similarities()
    {
        var random = new Random(7);
        float[][] vectors = [.. Enumerable.Range(0, 50).Select(_ => Unit([.. Enumerable.Range(0, 384).Select(_ => (float)random.NextDouble() - 0.5f)]))];
        var neighbours = NearestNeighbours.Build(vectors, [.. Enumerable.Range(0, 50).Select(i => i == 17)], 384, k: 1, sharpness: 10);

        Assert.Equal(1, neighbours.RiskProbability(vectors[17]));
        Assert.Equal(0, neighbours.RiskProbability(vectors[18]));
    }
}
