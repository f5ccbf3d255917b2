using System.Text.Json;
using System.Text.Json.Serialization;

namespace EngageBot.BotFramework.Schema;

/// <summary>The wire settings of the Bot Framework REST API: camelCase, nulls omitted, lenient on input.</summary>
public static class BotFrameworkJson
{
    public static JsonSerializerOptions Options { get; } = new(JsonSerializerDefaults.Web)
    {
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        NumberHandling = JsonNumberHandling.AllowReadingFromString,
    };
}
