using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text;

namespace EngageBot.Features.ChurnRisk.Detection.Embedding;

/// <summary>
/// Vectors kept on disk by SHA-256 of model id and text, so training and the evaluation tests embed a corpus once,
/// not on every run. File: "EBEMB1", dimensions, count, then per entry 32 hash bytes and the floats. Not for the
/// service: it would write partner text's vectors to disk. Lives under artifacts/ (not committed).
/// </summary>
public sealed class CachedTextEmbedder(ITextEmbedder inner, string path) : ITextEmbedder
{
    private const string Magic = "EBEMB1";
    private const int BatchSize = 32;

    private readonly Lazy<ConcurrentDictionary<string, float[]>> _vectors = new(() => Read(path, inner.Dimensions));
    private readonly Lock _writeLock = new();

    public string ModelId => inner.ModelId;

    public int Dimensions => inner.Dimensions;

    public float[][] Embed(IReadOnlyList<string> texts, CancellationToken cancellationToken = default)
    {
        var vectors = _vectors.Value;
        var keys = texts.Select(Key).ToArray();
        var missing = Enumerable.Range(0, texts.Count).Where(i => !vectors.ContainsKey(keys[i])).DistinctBy(i => keys[i]).ToList();
        foreach (var batch in missing.Chunk(BatchSize))
        {
            var embedded = inner.Embed([.. batch.Select(i => texts[i])], cancellationToken);
            for (var j = 0; j < batch.Length; j++) vectors[keys[batch[j]]] = embedded[j];
        }
        if (missing.Count > 0) Write(vectors);
        return [.. keys.Select(k => vectors[k])];
    }

    private string Key(string text) => Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(inner.ModelId + "\n" + text)));

    private static ConcurrentDictionary<string, float[]> Read(string path, int dimensions)
    {
        var vectors = new ConcurrentDictionary<string, float[]>(StringComparer.Ordinal);
        if (!File.Exists(path)) return vectors;
        try
        {
            using var reader = new BinaryReader(File.OpenRead(path));
            if (reader.ReadString() != Magic || reader.ReadInt32() != dimensions) return vectors;
            var count = reader.ReadInt32();
            for (var i = 0; i < count; i++)
            {
                var key = Convert.ToHexString(reader.ReadBytes(32));
                var vector = new float[dimensions];
                for (var d = 0; d < dimensions; d++) vector[d] = reader.ReadSingle();
                vectors[key] = vector;
            }
        }
        catch (EndOfStreamException)
        {
            // A cut-off file (killed run): keep what was read, the rest is embedded again.
        }
        return vectors;
    }

    private void Write(ConcurrentDictionary<string, float[]> vectors)
    {
        lock (_writeLock)
        {
            System.IO.Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!);
            var temp = $"{path}.{Environment.ProcessId}.{Guid.NewGuid():N}.tmp";
            using (var writer = new BinaryWriter(File.Create(temp)))
            {
                var entries = vectors.ToArray();
                writer.Write(Magic);
                writer.Write(Dimensions);
                writer.Write(entries.Length);
                foreach (var (key, vector) in entries)
                {
                    writer.Write(Convert.FromHexString(key));
                    foreach (var x in vector) writer.Write(x);
                }
            }
            File.Move(temp, path, overwrite: true);
        }
    }
}
