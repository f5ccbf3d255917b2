using System.Text.Json.Nodes;
using Microsoft.AspNetCore.WebUtilities;

namespace EngageBot.TestSupport.FakeSlack;

/// <summary>One Web API request as the fake received it.</summary>
public sealed record RecordedSlackCall(string Method, string? Authorization, string? ContentType, string Body)
{
    public bool IsJson => ContentType?.StartsWith("application/json", StringComparison.OrdinalIgnoreCase) == true;

    public JsonObject Json => JsonNode.Parse(Body)!.AsObject();

    public IReadOnlyDictionary<string, string> Form =>
        QueryHelpers.ParseQuery(Body).ToDictionary(p => p.Key, p => p.Value.ToString());

    /// <summary>A field whether the request was JSON or form-encoded.</summary>
    public string? Field(string name) => IsJson ? Json[name]?.ToString() : Form.GetValueOrDefault(name);
}
