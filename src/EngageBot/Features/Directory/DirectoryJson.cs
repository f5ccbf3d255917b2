using System.Text.Json;
using System.Text.Json.Serialization;

namespace EngageBot.Features.Directory;

/// <summary>
/// The one JSON shape of directory entities, used for stored snapshots, change detection and `--json` output.
/// snake_case names match the YAML keys, so `partners list --json` reads like the imported file.
/// </summary>
public static class DirectoryJson
{
    public static JsonSerializerOptions Options { get; } = new(JsonSerializerDefaults.Web)
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.SnakeCaseLower) },
        DefaultIgnoreCondition = JsonIgnoreCondition.Never,
    };

    public static JsonSerializerOptions Indented { get; } = new(Options) { WriteIndented = true };
}
