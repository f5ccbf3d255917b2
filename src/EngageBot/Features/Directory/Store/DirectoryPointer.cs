namespace EngageBot.Features.Directory.Store;

/// <summary>
/// The record readers start from: which snapshot is current. LinksVersion moves when a channel is linked
/// from chat, so other instances notice on their next version check.
/// </summary>
public sealed record DirectoryPointer(long Version, string SnapshotId, int ChunkCount, string? PreviousSnapshotId, long LinksVersion, DateTimeOffset ImportedAt, string? ETag);
