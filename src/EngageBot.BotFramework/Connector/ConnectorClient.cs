using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using EngageBot.BotFramework.Authentication;
using EngageBot.BotFramework.Schema;

namespace EngageBot.BotFramework.Connector;

/// <summary>
/// The Bot Connector REST API (bot-framework-rest-connector-api-reference.md), addressed by the serviceUrl each
/// activity carries. Ids are escaped with Uri.EscapeDataString: Teams ids contain ':', '@' and ';'.
/// </summary>
public sealed class ConnectorClient(HttpClient httpClient, BotTokenProvider tokens, TimeProvider? time = null)
{
    private readonly TimeProvider _time = time ?? TimeProvider.System;

    public Task<ResourceResponse> ReplyToActivityAsync(string serviceUrl, string conversationId, string activityId, Activity activity, CancellationToken cancellationToken = default) =>
        SendAsync<ResourceResponse>(HttpMethod.Post, serviceUrl, $"v3/conversations/{E(conversationId)}/activities/{E(activityId)}", activity, "reply to activity", cancellationToken);

    public Task<ResourceResponse> SendToConversationAsync(string serviceUrl, string conversationId, Activity activity, CancellationToken cancellationToken = default) =>
        SendAsync<ResourceResponse>(HttpMethod.Post, serviceUrl, $"v3/conversations/{E(conversationId)}/activities", activity, "send to conversation", cancellationToken);

    public Task<ResourceResponse> UpdateActivityAsync(string serviceUrl, string conversationId, string activityId, Activity activity, CancellationToken cancellationToken = default) =>
        SendAsync<ResourceResponse>(HttpMethod.Put, serviceUrl, $"v3/conversations/{E(conversationId)}/activities/{E(activityId)}", activity with { Id = activityId }, "update activity", cancellationToken);

    public Task DeleteActivityAsync(string serviceUrl, string conversationId, string activityId, CancellationToken cancellationToken = default) =>
        SendAsync<object>(HttpMethod.Delete, serviceUrl, $"v3/conversations/{E(conversationId)}/activities/{E(activityId)}", null, "delete activity", cancellationToken);

    public Task<ConversationResourceResponse> CreateConversationAsync(string serviceUrl, ConversationParameters parameters, CancellationToken cancellationToken = default) =>
        SendAsync<ConversationResourceResponse>(HttpMethod.Post, serviceUrl, "v3/conversations", parameters, "create conversation", cancellationToken);

    /// <summary>One page of members; Teams clamps pageSize to 50..500.</summary>
    public Task<PagedMembersResult> GetPagedMembersAsync(string serviceUrl, string conversationId, int? pageSize = null, string? continuationToken = null, CancellationToken cancellationToken = default)
    {
        var query = new List<string>();
        if (pageSize is { } size) query.Add($"pageSize={size}");
        if (continuationToken is { Length: > 0 }) query.Add($"continuationToken={E(continuationToken)}");
        var path = $"v3/conversations/{E(conversationId)}/pagedmembers" + (query.Count > 0 ? "?" + string.Join('&', query) : "");
        return SendAsync<PagedMembersResult>(HttpMethod.Get, serviceUrl, path, null, "get paged members", cancellationToken);
    }

    /// <summary>One member with Teams' details (userRole, tenantId, userPrincipalName); a user not in the conversation is a 404.</summary>
    public Task<ChannelAccount> GetConversationMemberAsync(string serviceUrl, string conversationId, string userId, CancellationToken cancellationToken = default) =>
        SendAsync<ChannelAccount>(HttpMethod.Get, serviceUrl, $"v3/conversations/{E(conversationId)}/members/{E(userId)}", null, "get conversation member", cancellationToken);

    private static string E(string id) => Uri.EscapeDataString(id);

    private async Task<T> SendAsync<T>(HttpMethod method, string serviceUrl, string path, object? body, string operation, CancellationToken cancellationToken)
    {
        var baseUri = new Uri(serviceUrl.EndsWith('/') ? serviceUrl : serviceUrl + "/");
        using var request = new HttpRequestMessage(method, new Uri(baseUri, path));
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", await tokens.GetTokenAsync(cancellationToken));
        if (body is not null)
            request.Content = JsonContent.Create(body, body.GetType(), options: BotFrameworkJson.Options);
        HttpResponseMessage response;
        try
        {
            response = await httpClient.SendAsync(request, cancellationToken);
        }
        catch (HttpRequestException e)
        {
            throw new ConnectorException(0, null, $"{operation} failed: {e.Message}", inner: e);
        }
        catch (TaskCanceledException e) when (!cancellationToken.IsCancellationRequested)
        {
            throw new ConnectorException(0, "Timeout", $"{operation} timed out", inner: e);
        }
        using (response)
        {
            if (!response.IsSuccessStatusCode)
                throw await ConnectorErrorReader.ReadAsync(response, operation, _time, cancellationToken);
            if (typeof(T) == typeof(object) || response.StatusCode == HttpStatusCode.NoContent || response.Content.Headers.ContentLength == 0)
                return default!;
            return await response.Content.ReadFromJsonAsync<T>(BotFrameworkJson.Options, cancellationToken)
                   ?? throw new ConnectorException(response.StatusCode, null, $"{operation} returned an empty body");
        }
    }
}
