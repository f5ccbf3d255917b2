using EngageBot.Features.ChurnRisk.Detection.Embedding;

namespace EngageBot.Tests.ChurnRisk;

public sealed class HashedNgramsTests
{
    [Fact]
    public void Words_and_adjacent_word_pairs_become_distinct_ascending_buckets_whatever_the_case_and_punctuation()
    {
        var buckets = HashedNgrams.Of("Renewal signed!");

        Assert.Equal(3, buckets.Length); // "renewal", "signed", "renewal signed"
        Assert.Equal(buckets.Order(), buckets);
        Assert.All(buckets, b => Assert.InRange(b, 0, HashedNgrams.Buckets - 1));
        Assert.Equal(buckets, HashedNgrams.Of("  renewal, SIGNED "));
        Assert.NotEqual(buckets, HashedNgrams.Of("signed renewal"));
        Assert.Empty(HashedNgrams.Of("—— !!"));
    }

    [Fact]
    public void A_word_hashes_to_the_same_bucket_in_every_process_so_saved_weights_keep_their_meaning()
    {
        // FNV-1a, not string.GetHashCode (randomised per process): the committed weights depend on these numbers.
        Assert.Equal([HashedNgrams.Of("renewal")[0], HashedNgrams.Of("l'équipe")[0]], [Fnv("renewal"), Fnv("l'équipe")]);
    }

    private static int Fnv(string s)
    {
        var hash = 2166136261u;
        foreach (var c in s) hash = unchecked((hash ^ c) * 16777619u);
        return (int)(hash % HashedNgrams.Buckets);
    }
}
