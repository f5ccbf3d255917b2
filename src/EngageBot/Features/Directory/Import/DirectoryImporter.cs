using EngageBot.Features.Directory.Model;
using EngageBot.Features.Directory.Store;
using EngageBot.Storage;

namespace EngageBot.Features.Directory.Import;

/// <summary>
/// Applies a directory file atomically: parse and validate all of it, compare with the current version,
/// and publish a new snapshot only when something changed. A rejected file leaves the store untouched.
/// </summary>
public sealed class DirectoryImporter(DirectoryStore store, DirectoryReader reader)
{
    public async Task<DirectoryImportResult> ImportAsync(string yaml, CancellationToken cancellationToken = default)
    {
        var parsed = DirectoryFileParser.Parse(yaml);
        if (parsed.Content is not { } content) return new DirectoryImportResult(null, parsed.Errors);

        // Another import (or a chat link moving the pointer) between our read and our flip makes us redo the comparison.
        var report = await OptimisticConcurrency.RetryAsync(async ct =>
        {
            var pointer = await store.ReadPointerAsync(ct);
            var current = pointer is null ? DirectoryContent.Empty
                : await store.ReadSnapshotAsync(pointer, ct) ?? throw new ConcurrencyConflictException(DirectoryStore.TableName, "pointer", "current");
            var changes = DirectoryDiff.Compare(current, content);
            if (changes.Count == 0) return new DirectoryChangeReport(pointer?.Version ?? 0, [], []);
            var version = await store.PublishAsync(content, pointer, ct);
            return new DirectoryChangeReport(version, changes, []);
        }, cancellationToken);
        reader.Invalidate();
        return new DirectoryImportResult(report with { Notes = await LinkNotesAsync(content, cancellationToken) }, []);
    }

    /// <summary>Chat-made links survive imports; tell the admin which ones the file does not hold yet, or now overrides.</summary>
    private async Task<IReadOnlyList<string>> LinkNotesAsync(DirectoryContent content, CancellationToken cancellationToken)
    {
        var notes = new List<string>();
        var partners = content.Partners.ToDictionary(p => p.Id, StringComparer.Ordinal);
        foreach (var link in await store.ReadChannelLinksAsync(cancellationToken))
        {
            var owner = content.Partners.FirstOrDefault(p => p.On(link.Platform).ChannelIds.Contains(link.ChannelId));
            var where = $"{link.Platform} channel '{link.ChannelId}'";
            if (owner is not null && owner.Id != link.PartnerId)
                notes.Add($"{where} was linked to '{link.PartnerId}' in chat but the file gives it to '{owner.Id}'; the file wins");
            else if (owner is null && !partners.ContainsKey(link.PartnerId))
                notes.Add($"{where} was linked in chat to '{link.PartnerId}', which the file no longer has; the link is ignored");
            else if (owner is null)
                notes.Add($"{where} is linked to '{link.PartnerId}' in chat only; add it to the partner's '{link.Platform.ToString().ToLowerInvariant()}.channels' in the file");
        }
        return notes;
    }
}
