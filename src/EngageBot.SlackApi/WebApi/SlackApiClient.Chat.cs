using System.Text.Json.Nodes;

namespace EngageBot.SlackApi.WebApi;

public sealed partial class SlackApiClient
{
    public Task<ChatPostMessageResponse> ChatPostMessageAsync(ChatPostMessageRequest request, CancellationToken cancellationToken = default) =>
        PostJsonAsync<ChatPostMessageRequest, ChatPostMessageResponse>("chat.postMessage", request, cancellationToken);

    public Task<ChatUpdateResponse> ChatUpdateAsync(ChatUpdateRequest request, CancellationToken cancellationToken = default) =>
        PostJsonAsync<ChatUpdateRequest, ChatUpdateResponse>("chat.update", request, cancellationToken);

    public Task<ChatPostEphemeralResponse> ChatPostEphemeralAsync(ChatPostEphemeralRequest request, CancellationToken cancellationToken = default) =>
        PostJsonAsync<ChatPostEphemeralRequest, ChatPostEphemeralResponse>("chat.postEphemeral", request, cancellationToken);
}

/// <param name="Text">With blocks, the notification and accessibility fallback.</param>
public sealed record ChatPostMessageRequest(string Channel, string Text, JsonArray? Blocks = null, string? ThreadTs = null,
    bool? UnfurlLinks = null, bool? ReplyBroadcast = null);

public sealed record ChatPostMessageResponse : SlackResponse
{
    public string? Channel { get; init; }
    public string? Ts { get; init; }
}

public sealed record ChatUpdateRequest(string Channel, string Ts, string Text, JsonArray? Blocks = null);

public sealed record ChatUpdateResponse : SlackResponse
{
    public string? Channel { get; init; }
    public string? Ts { get; init; }
}

public sealed record ChatPostEphemeralRequest(string Channel, string User, string Text, JsonArray? Blocks = null, string? ThreadTs = null);

public sealed record ChatPostEphemeralResponse : SlackResponse
{
    public string? MessageTs { get; init; }
}
