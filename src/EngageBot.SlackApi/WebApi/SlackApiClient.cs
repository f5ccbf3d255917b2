using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;

namespace EngageBot.SlackApi.WebApi;

/// <summary>
/// Slack's Web API over one HttpClient: <c>POST {base}/{method}</c> with the bot token as a bearer token.
/// Slack answers 200 with <c>ok:false</c> for errors (→ <see cref="SlackApiException"/>, as is an answer that is not the expected JSON) and 429 with
/// Retry-After when rate limited (→ <see cref="SlackRateLimitedException"/>); any other status is a transport failure.
/// Methods live in one file per group (Chat, Conversations, Views, Reactions, Users, Apps).
/// </summary>
public sealed partial class SlackApiClient(HttpClient http, SlackApiClientOptions options)
{
    /// <summary>The error code for an answer that is not the JSON the method returns (HTML page, malformed or mistyped JSON).</summary>
    public const string InvalidResponse = "invalid_response";

    private Uri MethodUri(string method) => new(EnsureTrailingSlash(options.BaseUrl), method);

    /// <summary>For methods that take JSON bodies (chat.*, views.*): <c>application/json; charset=utf-8</c>.</summary>
    public Task<TResponse> PostJsonAsync<TRequest, TResponse>(string method, TRequest body, CancellationToken cancellationToken, string? token = null)
        where TResponse : SlackResponse
    {
        var content = JsonContent.Create(body, options: SlackJson.Options);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/json") { CharSet = "utf-8" };
        return SendAsync<TResponse>(method, content, token, cancellationToken);
    }

    /// <summary>For methods read best as forms (users.info, conversations.info, conversations.open, apps.connections.open).</summary>
    public Task<TResponse> PostFormAsync<TResponse>(string method, IEnumerable<KeyValuePair<string, string>> fields, CancellationToken cancellationToken, string? token = null)
        where TResponse : SlackResponse =>
        SendAsync<TResponse>(method, new FormUrlEncodedContent(fields), token, cancellationToken);

    private async Task<TResponse> SendAsync<TResponse>(string method, HttpContent content, string? token, CancellationToken cancellationToken)
        where TResponse : SlackResponse
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, MethodUri(method)) { Content = content };
        var bearer = token ?? options.BotToken;
        if (!string.IsNullOrEmpty(bearer)) request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", bearer);

        using var response = await http.SendAsync(request, cancellationToken).ConfigureAwait(false);
        if (response.StatusCode == HttpStatusCode.TooManyRequests)
            throw new SlackRateLimitedException(method, RetryAfter(response));
        response.EnsureSuccessStatusCode();

        TResponse? result;
        try
        {
            result = await response.Content.ReadFromJsonAsync<TResponse>(SlackJson.Options, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (e is JsonException or NotSupportedException)
        {
            // A proxy's HTML error page, a truncated body, a field of the wrong type: callers see one Slack failure, not a parser's.
            throw new SlackApiException(method, InvalidResponse, $"{response.Content.Headers.ContentType?.MediaType ?? "no content type"}: {e.Message}");
        }
        if (result is null) throw new SlackApiException(method, "empty_response");
        if (!result.Ok) throw new SlackApiException(method, result.Error ?? "unknown_error");
        return result;
    }

    private static TimeSpan RetryAfter(HttpResponseMessage response)
    {
        if (response.Headers.RetryAfter?.Delta is { } delta) return delta;
        if (response.Headers.TryGetValues("Retry-After", out var values)
            && int.TryParse(values.FirstOrDefault(), NumberStyles.None, CultureInfo.InvariantCulture, out var seconds))
            return TimeSpan.FromSeconds(seconds);
        return TimeSpan.FromSeconds(1);
    }

    private static Uri EnsureTrailingSlash(Uri baseUrl) =>
        baseUrl.AbsoluteUri.EndsWith('/') ? baseUrl : new Uri(baseUrl.AbsoluteUri + "/");

    internal static string Serialize<T>(T value) => JsonSerializer.Serialize(value, SlackJson.Options);
}
