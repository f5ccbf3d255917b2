namespace EngageBot.Cards.Charts;

/// <summary>
/// Writes charts as <c>{id}.png</c> files into a folder (created if missing), for <c>digest preview --png DIR</c>:
/// an admin sees the pictures Slack would get before anyone receives them.
/// </summary>
public sealed class ChartPngWriter(IChartImageRenderer renderer)
{
    /// <summary>The paths written, in chart order. Throws <see cref="ChartWriteException"/> naming the folder or file that failed.</summary>
    public async Task<IReadOnlyList<string>> WriteAsync(string directory, IEnumerable<ChartSpec> charts, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(directory);
        var folder = Path.GetFullPath(directory);
        try
        {
            Directory.CreateDirectory(folder);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or NotSupportedException)
        {
            throw new ChartWriteException($"Cannot create the chart folder {folder}: {e.Message}", e);
        }
        var written = new List<string>();
        foreach (var chart in charts)
        {
            var path = Path.Combine(folder, FileName(chart.Id));
            try
            {
                await File.WriteAllBytesAsync(path, renderer.RenderPng(chart), cancellationToken);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                throw new ChartWriteException($"Cannot write the chart {path}: {e.Message}", e);
            }
            written.Add(path);
        }
        return written;
    }

    /// <summary>The chart id as a file name: characters a file system rejects become '-', so an id can't leave the folder.</summary>
    public static string FileName(string id)
    {
        var invalid = Path.GetInvalidFileNameChars();
        var name = new string((string.IsNullOrWhiteSpace(id) ? "chart" : id.Trim()).Select(c => invalid.Contains(c) || c is '/' or '\\' ? '-' : c).ToArray());
        return (name is "." or ".." ? "chart" : name) + ".png";
    }
}

/// <summary>A chart file or its folder could not be written; the message names the path and why.</summary>
public sealed class ChartWriteException(string message, Exception inner) : IOException(message, inner);
