namespace EngageBot.Features.ChurnRisk.Detection.Embedding;

/// <summary>Turns text into fixed-length sentence vectors (unit length), the input of the churn classifier.</summary>
public interface ITextEmbedder
{
    /// <summary>Names the model: a classifier trained on one model's vectors is useless on another's.</summary>
    string ModelId { get; }

    int Dimensions { get; }

    /// <summary>One vector per text, in order. CPU-bound: call it off the acknowledgement path.</summary>
    float[][] Embed(IReadOnlyList<string> texts, CancellationToken cancellationToken = default);
}
