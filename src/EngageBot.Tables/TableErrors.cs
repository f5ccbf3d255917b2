using System.Text.Json;
using System.Text.RegularExpressions;
using Azure;

namespace EngageBot.Tables;

/// <summary>Turns a failed response into RequestFailedException, taking the code from x-ms-error-code or the body (JSON odata.error or XML &lt;Code&gt;).</summary>
internal static partial class TableErrors
{
    public static RequestFailedException From(Response response)
    {
        var body = response.Content?.ToString() ?? "";
        var (code, message) = Parse(body);
        if (response.Headers.TryGetValue("x-ms-error-code", out var header) && !string.IsNullOrEmpty(header)) code = header;
        return new RequestFailedException(response.Status,
            $"Table Storage returned {response.Status} {response.ReasonPhrase}{(code is null ? "" : " (" + code + ")")}: {message ?? FirstLine(body)}",
            code, null);
    }

    /// <summary>The (code, message) of an error body; either may be null.</summary>
    public static (string? Code, string? Message) Parse(string body)
    {
        if (body.TrimStart().StartsWith('{'))
        {
            try
            {
                using var doc = JsonDocument.Parse(body);
                if (doc.RootElement.TryGetProperty("odata.error", out var e) || doc.RootElement.TryGetProperty("error", out e))
                {
                    var code = e.TryGetProperty("code", out var c) ? c.GetString() : null;
                    string? message = null;
                    if (e.TryGetProperty("message", out var m))
                        message = m.ValueKind == JsonValueKind.Object && m.TryGetProperty("value", out var v) ? v.GetString() : m.ValueKind == JsonValueKind.String ? m.GetString() : null;
                    return (code, message);
                }
            }
            catch (JsonException)
            {
            }
        }
        var xmlCode = XmlCode().Match(body);
        var xmlMessage = XmlMessage().Match(body);
        return (xmlCode.Success ? xmlCode.Groups[1].Value : null, xmlMessage.Success ? xmlMessage.Groups[1].Value : null);
    }

    private static string FirstLine(string s) => s.Split('\n')[0];

    [GeneratedRegex("<Code>([^<]*)</Code>")]
    private static partial Regex XmlCode();

    [GeneratedRegex("<Message>([^<]*)</Message>")]
    private static partial Regex XmlMessage();
}
