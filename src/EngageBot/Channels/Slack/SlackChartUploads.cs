using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using EngageBot.Cards;
using EngageBot.Cards.Charts;
using EngageBot.Channels.Inbox;
using EngageBot.SlackApi.WebApi;
using EngageBot.Storage;

namespace EngageBot.Channels.Slack;

/// <summary>
/// Turns a message's charts into image blocks: each chart is drawn as a PNG, uploaded through Slack's external
/// upload flow without a channel (private to the bot) and shown by an image block referencing the file
/// (<c>slack_file.id</c>); the bot's own message is what makes it visible in the conversation.
/// An upload is remembered once completed, so a delivery retried after an outage (the post failed, or a later
/// chart's upload) reuses the files already uploaded instead of uploading them again.
/// Table "slackchartfiles": PK first two hex digits of the key, RK key = SHA-256 of destination channel + chart JSON
///   → FileId, ChartId, UploadedAt. Point reads only. The only window for a second upload is a crash (or a storage
///   failure) between files.completeUploadExternal and this write; its leftover is a private file nobody sees.
/// </summary>
public sealed class SlackChartUploads(SlackApiClient api, IChartImageRenderer renderer, IRecordStore store, TimeProvider time, ILogger<SlackChartUploads> logger)
{
    private readonly IRecordTable _table = store.Table("slackchartfiles");

    /// <summary>One image block per chart, in order, for a message to <paramref name="channelId"/>.</summary>
    public async Task<IReadOnlyList<JsonObject>> ImageBlocksAsync(string channelId, IReadOnlyList<ChartSpec> charts, CancellationToken cancellationToken)
    {
        var blocks = new List<JsonObject>(charts.Count);
        foreach (var chart in charts)
        {
            var fileId = await FileIdAsync(channelId, chart, cancellationToken);
            blocks.Add(new JsonObject
            {
                ["type"] = "image",
                ["block_id"] = BlockId(chart.Id),
                ["slack_file"] = new JsonObject { ["id"] = fileId },
                ["alt_text"] = ChartAltText.Describe(chart, SlackLimits.ImageAltText),
                ["title"] = new JsonObject { ["type"] = "plain_text", ["text"] = CardText.Truncate(string.IsNullOrWhiteSpace(chart.Title) ? chart.Id : chart.Title, 2000) },
            });
        }
        return blocks;
    }

    private async Task<string> FileIdAsync(string channelId, ChartSpec chart, CancellationToken ct)
    {
        var key = Key(channelId, chart);
        if (await _table.GetAsync(key[..2], key, ct) is { } known && known.GetString("FileId") is { Length: > 0 } knownId)
            return knownId;

        var png = renderer.RenderPng(chart);
        var filename = ChartPngWriter.FileName(chart.Id);
        var upload = await api.FilesGetUploadUrlExternalAsync(filename, png.Length, ChartAltText.Describe(chart, 1000), ct);
        if (upload.UploadUrl is not { Length: > 0 } url || upload.FileId is not { Length: > 0 } fileId)
            throw new SlackApiException("files.getUploadURLExternal", SlackApiClient.InvalidResponse, "no upload_url or file_id");
        await api.UploadToExternalUrlAsync(new Uri(url), png, filename, ct);
        await api.FilesCompleteUploadExternalAsync([new FileUploadComplete(fileId, chart.Title)], channelId: null, ct);
        try
        {
            await _table.UpsertAsync(new StorageRecord(key[..2], key, new Dictionary<string, object?>
            {
                ["FileId"] = fileId,
                ["ChartId"] = chart.Id,
                ["UploadedAt"] = time.GetUtcNow(),
            }), ct);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // The file is uploaded: showing it now matters more than remembering it for a retry that may never come.
            logger.LogWarning(e, "Slack chart {ChartId} was uploaded as {FileId} but could not be remembered; a retry would upload it again.", chart.Id, fileId);
        }
        return fileId;
    }

    private static string Key(string channelId, ChartSpec chart)
    {
        var identity = channelId + "\n" + JsonSerializer.Serialize(chart, ChatEventJson.Options);
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(identity)));
    }

    /// <summary>block_id is at most 255 characters and unique in the message (chart ids are unique per digest).</summary>
    private static string BlockId(string chartId) => CardText.Truncate("chart-" + chartId, 255);
}
