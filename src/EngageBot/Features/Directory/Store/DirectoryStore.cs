using System.Text;
using System.Text.Json;
using EngageBot.Channels;
using EngageBot.Features.Directory.Model;
using EngageBot.Storage;

namespace EngageBot.Features.Directory.Store;

// Table "directory". Table Storage has no cross-partition transactions, so an import never edits live rows:
//   ("pointer", "current")                    Version, SnapshotId, ChunkCount, PreviousSnapshotId, LinksVersion, ImportedAt
//   ("snapshot-{snapshotId}", "chunk-{n:D5}") Json: the whole DirectoryContent as JSON, cut into <32K-char pieces (immutable)
//   ("links", "{platform}|{channel id, escaped}") PartnerId, LinkedBy, LinkedAt: channels linked from chat (overlay)
// An import writes a new snapshot partition (batches of ≤100 rows), then flips the pointer with its ETag:
// readers see the old directory or the new one, never a mix. A lost race deletes its orphan snapshot.
// The snapshot before the previous one is deleted after a flip (the previous stays for readers mid-load).
// Queries served: current version (one point read), load a snapshot (one partition), all chat links (one partition).
// Per-event lookups (channel → partner, platform user → person) come from the cached snapshot (DirectoryReader).
public sealed class DirectoryStore(IRecordStore records, TimeProvider time)
{
    public const string TableName = "directory";
    private const string PointerPartition = "pointer";
    private const string PointerRow = "current";
    private const string LinksPartition = "links";
    private const int ChunkChars = 30_000;

    private IRecordTable Table => records.Table(TableName);

    public async Task<DirectoryPointer?> ReadPointerAsync(CancellationToken cancellationToken = default)
    {
        var record = await Table.GetAsync(PointerPartition, PointerRow, cancellationToken);
        return record is null ? null : new DirectoryPointer(
            record.GetInt64("Version") ?? 0,
            record.GetString("SnapshotId") ?? "",
            (int)(record.GetInt64("ChunkCount") ?? 0),
            record.GetString("PreviousSnapshotId"),
            record.GetInt64("LinksVersion") ?? 0,
            record.GetDateTime("ImportedAt") ?? DateTimeOffset.MinValue,
            record.ETag);
    }

    /// <summary>The content a pointer names, or null if that snapshot was already replaced and cleaned up (re-read the pointer).</summary>
    public async Task<DirectoryContent?> ReadSnapshotAsync(DirectoryPointer pointer, CancellationToken cancellationToken = default)
    {
        var json = new StringBuilder();
        var chunks = 0;
        await foreach (var row in Table.QueryAsync(RecordQuery.Prefix(SnapshotPartition(pointer.SnapshotId), "chunk-"), cancellationToken))
        {
            json.Append(row.GetString("Json"));
            chunks++;
        }
        return chunks == pointer.ChunkCount
            ? JsonSerializer.Deserialize<DirectoryContent>(json.ToString(), DirectoryJson.Options)
            : null;
    }

    /// <summary>
    /// Makes <paramref name="content"/> current if the pointer is still <paramref name="expected"/> (null: no directory yet).
    /// Throws <see cref="ConcurrencyConflictException"/> or <see cref="RecordExistsException"/> when another writer got there first.
    /// </summary>
    public async Task<long> PublishAsync(DirectoryContent content, DirectoryPointer? expected, CancellationToken cancellationToken = default)
    {
        var snapshotId = Guid.NewGuid().ToString("N");
        var chunks = Chunk(JsonSerializer.Serialize(content, DirectoryJson.Options));
        var partition = SnapshotPartition(snapshotId);
        foreach (var batch in chunks.Select((json, i) => RecordOperation.Insert(new StorageRecord(partition, $"chunk-{i:D5}",
                     new Dictionary<string, object?> { ["Json"] = json }))).Chunk(BatchRules.MaxOperations))
            await Table.SubmitBatchAsync(batch, cancellationToken);

        var version = (expected?.Version ?? 0) + 1;
        var pointer = new StorageRecord(PointerPartition, PointerRow, new Dictionary<string, object?>
        {
            ["Version"] = version,
            ["SnapshotId"] = snapshotId,
            ["ChunkCount"] = chunks.Count,
            ["PreviousSnapshotId"] = expected?.SnapshotId,
            ["LinksVersion"] = expected?.LinksVersion ?? 0L,
            ["ImportedAt"] = time.GetUtcNow(),
        }, expected?.ETag);
        try
        {
            if (expected is null) await Table.InsertAsync(pointer, cancellationToken);
            else await Table.UpdateAsync(pointer, cancellationToken);
        }
        catch (StorageException)
        {
            await DeleteSnapshotAsync(snapshotId, CancellationToken.None);
            throw;
        }
        if (expected?.PreviousSnapshotId is { } stale) await DeleteSnapshotAsync(stale, cancellationToken);
        return version;
    }

    public async Task<IReadOnlyList<ChannelLink>> ReadChannelLinksAsync(CancellationToken cancellationToken = default)
    {
        var links = new List<ChannelLink>();
        await foreach (var row in Table.QueryAsync(RecordQuery.Partition(LinksPartition), cancellationToken))
        {
            if (ChatPlatform.TryParse(row.GetString("Platform"), out var platform) && row.GetString("ChannelId") is { } channel)
                links.Add(new ChannelLink(platform, channel, row.GetString("PartnerId") ?? "", row.GetString("LinkedBy") ?? "",
                    row.GetDateTime("LinkedAt") ?? DateTimeOffset.MinValue));
        }
        return links;
    }

    /// <summary>Stores a chat-made link, then moves the pointer's LinksVersion so every instance reloads.</summary>
    public async Task SaveChannelLinkAsync(ChannelLink link, CancellationToken cancellationToken = default)
    {
        await Table.UpsertAsync(new StorageRecord(LinksPartition, LinkRow(link.Platform, link.ChannelId), new Dictionary<string, object?>
        {
            ["Platform"] = link.Platform.ToString(),
            ["ChannelId"] = link.ChannelId,
            ["PartnerId"] = link.PartnerId,
            ["LinkedBy"] = link.LinkedByPersonId,
            ["LinkedAt"] = link.LinkedAt,
        }), cancellationToken);
        await OptimisticConcurrency.RetryAsync(async ct =>
        {
            var current = await Table.GetAsync(PointerPartition, PointerRow, ct);
            if (current is null) return;
            var properties = new Dictionary<string, object?>(current.Properties) { ["LinksVersion"] = (current.GetInt64("LinksVersion") ?? 0) + 1 };
            await Table.UpdateAsync(current with { Properties = properties }, ct);
        }, cancellationToken);
    }

    private async Task DeleteSnapshotAsync(string snapshotId, CancellationToken cancellationToken)
    {
        var rows = new List<RecordOperation>();
        await foreach (var row in Table.QueryAsync(RecordQuery.Partition(SnapshotPartition(snapshotId)), cancellationToken))
            rows.Add(RecordOperation.Delete(row with { ETag = null }));
        foreach (var batch in rows.Chunk(BatchRules.MaxOperations))
            await Table.SubmitBatchAsync(batch, cancellationToken);
    }

    private static List<string> Chunk(string json)
    {
        var chunks = new List<string>();
        for (var i = 0; i < json.Length; i += ChunkChars)
            chunks.Add(json.Substring(i, Math.Min(ChunkChars, json.Length - i)));
        return chunks.Count == 0 ? [""] : chunks;
    }

    private static string SnapshotPartition(string snapshotId) => $"snapshot-{snapshotId}";

    // Table Storage forbids / \ # ? and control characters in keys; escaping keeps any platform's channel id safe.
    private static string LinkRow(ChatPlatform platform, string channelId) =>
        $"{platform}|{Uri.EscapeDataString(channelId)}";
}
