using EngageBot.Features.ChurnRisk.Detection;
using EngageBot.Features.ChurnRisk.Detection.Embedding;
using EngageBot.Features.ChurnRisk.Evaluation;
using EngageBot.TestSupport;
using Microsoft.Extensions.Options;

namespace EngageBot.Tests.ChurnRisk;

/// <summary>
/// The real MiniLM model behind a vector cache in artifacts/ (shared with "engagebot churn-model train"), so a test
/// run embeds each labelled text once per machine instead of on every run.
/// </summary>
public static class ChurnModels
{
    public static string CorpusPath => Path.Combine(RepoPaths.Root, "models", "churn", "corpus.jsonl");

    public static ITextEmbedder CachedMiniLm { get; } =
        new CachedTextEmbedder(new MiniLmEmbedder(), Path.Combine(RepoPaths.Root, "artifacts", "churn-embeddings.bin"));

    public static EmbeddingChurnDetector Detector() => new(new RulesChurnDetector(), CachedMiniLm, Options.Create(new ChurnDetectionOptions()));

    /// <summary>Embeds a whole set in one call, so the cache file is written once for it.</summary>
    public static void Warm(IEnumerable<LabelledChurnMessage> set) => CachedMiniLm.Embed([.. set.Select(m => m.Text)]);
}
