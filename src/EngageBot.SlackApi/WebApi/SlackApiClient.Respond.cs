using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json.Nodes;

namespace EngageBot.SlackApi.WebApi;

public sealed partial class SlackApiClient
{
    /// <summary>
    /// Answers through a slash command's or shortcut's <c>response_url</c>: works where chat.postEphemeral cannot (a DM
    /// with someone else, a channel the bot is not in). The URL is its own credential, so the bot token is never sent.
    /// Slack allows 5 answers within 30 minutes; an expired or used-up URL answers 404 (→ HttpRequestException).
    /// </summary>
    public async Task RespondAsync(Uri responseUrl, SlackResponseMessage message, CancellationToken cancellationToken = default)
    {
        var content = JsonContent.Create(message, options: SlackJson.Options);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/json") { CharSet = "utf-8" };
        using var request = new HttpRequestMessage(HttpMethod.Post, responseUrl) { Content = content };
        using var response = await http.SendAsync(request, cancellationToken).ConfigureAwait(false);
        if (response.StatusCode == HttpStatusCode.TooManyRequests)
            throw new SlackRateLimitedException("response_url", RetryAfter(response));
        response.EnsureSuccessStatusCode();
    }
}

/// <summary>A response_url message: visible only to the user (ephemeral) or to the channel (in_channel); never replaces the original.</summary>
public sealed record SlackResponseMessage(string Text, JsonArray? Blocks = null, string ResponseType = "ephemeral", bool ReplaceOriginal = false);
