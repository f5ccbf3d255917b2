using System.IO.Compression;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace EngageBot.Channels.Teams.Packaging;

/// <summary>
/// Writes the Teams app package: manifest.json with its {{PLACEHOLDERS}} filled, and the two icons, at the zip's
/// root (Teams rejects packages with a folder inside).
/// </summary>
public static partial class TeamsAppPackager
{
    public static readonly string[] Files = ["manifest.json", "color.png", "outline.png"];

    public static string FillManifest(string template, IReadOnlyDictionary<string, string> values)
    {
        // Values are JSON-escaped: a publisher name with a quote must not break the manifest.
        var filled = Placeholder().Replace(template, m => values.TryGetValue(m.Groups[1].Value, out var v)
            ? JsonEncodedText.Encode(v).ToString()
            : m.Value);
        if (Placeholder().Match(filled) is { Success: true } left)
            throw new InvalidOperationException($"manifest.json has a placeholder nothing fills: {left.Value}");
        using var _ = JsonDocument.Parse(filled);
        return filled;
    }

    public static async Task WriteAsync(string sourceDirectory, string manifest, string zipPath, CancellationToken cancellationToken)
    {
        var temp = zipPath + ".tmp";
        await using (var stream = File.Create(temp))
        await using (var zip = new ZipArchive(stream, ZipArchiveMode.Create))
        {
            foreach (var name in Files)
            {
                var entry = zip.CreateEntry(name, CompressionLevel.Optimal);
                await using var target = await entry.OpenAsync(cancellationToken);
                if (name == "manifest.json")
                    await target.WriteAsync(System.Text.Encoding.UTF8.GetBytes(manifest), cancellationToken);
                else
                    await using (var icon = File.OpenRead(Path.Combine(sourceDirectory, name)))
                        await icon.CopyToAsync(target, cancellationToken);
            }
        }
        File.Move(temp, zipPath, overwrite: true);
    }

    [GeneratedRegex(@"\{\{([A-Z_]+)\}\}")]
    private static partial Regex Placeholder();
}
