using System.Net;
using System.Net.Http.Headers;

namespace EngageBot.SlackApi.WebApi;

/// <summary>
/// File uploads, Slack's external flow (files.upload is retired): files.getUploadURLExternal gives a one-time URL and
/// a file id, the bytes are POSTed to that URL, files.completeUploadExternal finishes the upload. Without a channel
/// the file stays private to the bot until a message of the bot shows it (docs.slack.dev/reference/methods/files.getUploadURLExternal,
/// files.completeUploadExternal).
/// </summary>
public sealed partial class SlackApiClient
{
    /// <param name="altText">Screen-reader description, at most 1,000 characters (alt_txt_too_large beyond).</param>
    public Task<FilesGetUploadUrlExternalResponse> FilesGetUploadUrlExternalAsync(string filename, long length, string? altText = null, CancellationToken cancellationToken = default)
    {
        var fields = new List<KeyValuePair<string, string>>
        {
            new("filename", filename),
            new("length", length.ToString(System.Globalization.CultureInfo.InvariantCulture)),
        };
        if (!string.IsNullOrEmpty(altText))
            fields.Add(new("alt_txt", altText.Length > MaxAltText ? altText[..MaxAltText] : altText));
        return PostFormAsync<FilesGetUploadUrlExternalResponse>("files.getUploadURLExternal", fields, cancellationToken);
    }

    /// <summary>
    /// POSTs the file's bytes to the URL files.getUploadURLExternal returned. Slack answers 200 when it took them; anything
    /// else is an <see cref="HttpRequestException"/> (429 a <see cref="SlackRateLimitedException"/>). The URL is signed: no token goes with it.
    /// </summary>
    public async Task UploadToExternalUrlAsync(Uri uploadUrl, byte[] content, string filename, CancellationToken cancellationToken = default)
    {
        using var body = new ByteArrayContent(content);
        body.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
        using var request = new HttpRequestMessage(HttpMethod.Post, uploadUrl) { Content = body };
        using var response = await http.SendAsync(request, cancellationToken).ConfigureAwait(false);
        if (response.StatusCode == HttpStatusCode.TooManyRequests)
            throw new SlackRateLimitedException($"upload of {filename}", RetryAfter(response));
        response.EnsureSuccessStatusCode();
    }

    /// <param name="channelId">Where to share the files; null keeps them private to the bot (a message can still show them).</param>
    public Task<FilesCompleteUploadExternalResponse> FilesCompleteUploadExternalAsync(IReadOnlyList<FileUploadComplete> files, string? channelId = null, CancellationToken cancellationToken = default)
    {
        var fields = new List<KeyValuePair<string, string>> { new("files", Serialize(files)) };
        if (channelId is not null)
            fields.Add(new("channel_id", channelId));
        return PostFormAsync<FilesCompleteUploadExternalResponse>("files.completeUploadExternal", fields, cancellationToken);
    }

    private const int MaxAltText = 1000;
}

public sealed record FilesGetUploadUrlExternalResponse : SlackResponse
{
    public string? UploadUrl { get; init; }
    public string? FileId { get; init; }
}

/// <summary>One file of files.completeUploadExternal: its id and the title Slack shows.</summary>
public sealed record FileUploadComplete(string Id, string? Title = null);

public sealed record FilesCompleteUploadExternalResponse : SlackResponse
{
    public IReadOnlyList<SlackFileInfo>? Files { get; init; }
}

public sealed record SlackFileInfo
{
    public string? Id { get; init; }
    public string? Title { get; init; }
}
