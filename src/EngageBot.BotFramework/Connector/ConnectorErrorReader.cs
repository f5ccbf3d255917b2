using System.Net.Http.Headers;
using System.Text.Json;

namespace EngageBot.BotFramework.Connector;

/// <summary>Turns a non-success Connector response into a <see cref="ConnectorException"/>.</summary>
internal static class ConnectorErrorReader
{
    public static async Task<ConnectorException> ReadAsync(HttpResponseMessage response, string operation, TimeProvider time, CancellationToken cancellationToken)
    {
        var body = await response.Content.ReadAsStringAsync(cancellationToken);
        string? code = null, message = null;
        try
        {
            using var doc = JsonDocument.Parse(body);
            if (doc.RootElement.ValueKind == JsonValueKind.Object && doc.RootElement.TryGetProperty("error", out var error) && error.ValueKind == JsonValueKind.Object)
            {
                code = error.TryGetProperty("code", out var c) ? c.GetString() : null;
                message = error.TryGetProperty("message", out var m) ? m.GetString() : null;
            }
        }
        catch (JsonException) { }
        var status = (int)response.StatusCode;
        return new ConnectorException(response.StatusCode, code,
            $"{operation} failed: {status} {code ?? response.ReasonPhrase}{(message is null ? "" : $" ({message})")}",
            RetryAfter(response.Headers.RetryAfter, time));
    }

    private static TimeSpan? RetryAfter(RetryConditionHeaderValue? header, TimeProvider time) => header switch
    {
        { Delta: { } delta } => delta,
        { Date: { } date } => date - time.GetUtcNow() is { } wait && wait > TimeSpan.Zero ? wait : TimeSpan.Zero,
        _ => null,
    };
}
