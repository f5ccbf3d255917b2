using System.Text.Json;
using System.Text.Json.Serialization;

namespace EngageBot.SlackApi.WebApi;

/// <summary>Slack's JSON is snake_case; optional fields are omitted rather than sent as null.</summary>
public static class SlackJson
{
    public static JsonSerializerOptions Options { get; } = new(JsonSerializerDefaults.Web)
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        NumberHandling = JsonNumberHandling.AllowReadingFromString,
    };
}
