using System.Collections.Concurrent;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;
using EngageBot.AdaptiveCards;

namespace EngageBot.Cards;

/// <summary>
/// The card templates in the output's cards/ folder (linked from the repository's cards/*.json), parsed once and
/// cached. <c>Expand("ticket", data)</c> serialises the data with web defaults (camelCase) and dates as
/// yyyy-MM-ddTHH:mm:ssZ, which the templates' {{DATE()}}/{{TIME()}} and formatDateTime need.
/// </summary>
public sealed class CardLibrary
{
    public static readonly JsonSerializerOptions DataJsonOptions = new(JsonSerializerDefaults.Web)
    {
        Converters = { new CardDateConverter(), new JsonStringEnumConverter(JsonNamingPolicy.CamelCase) },
    };

    private readonly string _folder;
    private readonly ConcurrentDictionary<string, AdaptiveCardTemplate> _templates = new(StringComparer.Ordinal);

    public CardLibrary() : this(Path.Combine(AppContext.BaseDirectory, "cards")) { }

    private readonly Lazy<Dictionary<string, string>> _formVerbs;

    public CardLibrary(string folder)
    {
        _folder = folder;
        _formVerbs = new Lazy<Dictionary<string, string>>(ScanFormVerbs);
    }

    public string Folder => _folder;

    /// <summary>Names of the templates present (data files excluded).</summary>
    public IReadOnlyList<string> Names =>
        Directory.GetFiles(_folder, "*.json")
            .Where(f => !f.EndsWith(".data.json", StringComparison.Ordinal))
            .Select(f => Path.GetFileNameWithoutExtension(f))
            .Order(StringComparer.Ordinal)
            .ToList();

    /// <summary>Expands the named template with <paramref name="data"/> (an object, or a JsonNode as it is).</summary>
    /// <exception cref="CardTemplateNotFoundException">No such template.</exception>
    /// <exception cref="TemplateException">The template failed to expand with this data.</exception>
    public JsonObject Expand(string name, object data)
    {
        var node = data as JsonNode ?? JsonSerializer.SerializeToNode(data, data.GetType(), DataJsonOptions);
        return Template(name).Expand(node) as JsonObject
            ?? throw new TemplateException($"Card '{name}' expanded to something other than a JSON object.");
    }

    public AdaptiveCardTemplate Template(string name) => _templates.GetOrAdd(name, Load);

    /// <summary>
    /// The card whose form a Slack "open form" button belongs to: the template with an input-taking action for
    /// <paramref name="verb"/> (each such verb lives in one template; a test checks it). Null when none.
    /// </summary>
    public string? CardForFormVerb(string verb) => _formVerbs.Value.GetValueOrDefault(verb);

    private Dictionary<string, string> ScanFormVerbs()
    {
        var owners = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var name in Names)
        {
            var template = JsonNode.Parse(File.ReadAllText(Path.Combine(_folder, name + ".json")))!;
            foreach (var verb in FormVerbs(template)) owners.TryAdd(verb, name);
        }
        return owners;
    }

    private static IEnumerable<string> FormVerbs(JsonNode node) => node switch
    {
        JsonObject o when CardElements.Type(o) == "Action.Execute" && CardElements.TakesInputs(o) && CardElements.OptionalString(o, "verb") is { } verb =>
            [verb],
        JsonObject o => o.SelectMany(p => p.Value is null ? [] : FormVerbs(p.Value)),
        JsonArray a => a.SelectMany(n => n is null ? [] : FormVerbs(n)),
        _ => [],
    };

    private AdaptiveCardTemplate Load(string name)
    {
        if (name.Contains('/') || name.Contains('\\') || name.Contains("..", StringComparison.Ordinal))
            throw new ArgumentException($"'{name}' is not a card name.", nameof(name));
        var path = Path.Combine(_folder, name + ".json");
        if (!File.Exists(path)) throw new CardTemplateNotFoundException(name, _folder);
        return new AdaptiveCardTemplate(File.ReadAllText(path));
    }

    /// <summary>Writes DateTimeOffset in the one shape the card date functions accept.</summary>
    private sealed class CardDateConverter : JsonConverter<DateTimeOffset>
    {
        public override DateTimeOffset Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
            reader.GetDateTimeOffset();

        public override void Write(Utf8JsonWriter writer, DateTimeOffset value, JsonSerializerOptions options) =>
            writer.WriteStringValue(CardText.IsoUtc(value));
    }
}
