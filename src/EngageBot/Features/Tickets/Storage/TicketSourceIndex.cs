using EngageBot.Channels;
using EngageBot.Storage;

namespace EngageBot.Features.Tickets.Storage;

// Key scheme (table TicketSources): PK = "{platform}|{channel id}", RK = message id.
// A row per top-level message seen in a partner channel (author, text: a candidate a 🎫 reaction can turn into a
// ticket) and per message linked to a ticket (TicketId set: thread roots, joined messages, replies, triage cards).
// Serves "which ticket does this message / thread belong to". TicketId is claimed with ETag concurrency before the
// ticket is written, so two instances handling the same message open one ticket.
public sealed class TicketSourceIndex(IRecordStore store)
{
    private const int MaxText = 4_000;
    private readonly IRecordTable _table = store.Table("TicketSources");

    public async Task<TicketSource?> GetAsync(ChatPlatform platform, string channelId, string messageId, CancellationToken ct = default)
    {
        var r = await _table.GetAsync(Partition(platform, channelId), TicketKeys.Escape(messageId), ct);
        return r is null ? null : new TicketSource(r.GetString("TicketId"), r.GetString("Text"), r.GetString("AuthorId"), r.GetString("AuthorName"),
            Enum.TryParse<AuthorKind>(r.GetString("AuthorKind"), out var k) ? k : AuthorKind.Unknown, r.ETag);
    }

    /// <summary>Remembers a message that opened no ticket, so a later 🎫 can open one with its text.</summary>
    public async Task RememberCandidateAsync(ChatPlatform platform, string channelId, string messageId, ChatUser author, string text, CancellationToken ct = default)
    {
        try
        {
            await _table.InsertAsync(Row(platform, channelId, messageId, null, author, text), ct);
        }
        catch (RecordExistsException)
        {
            // Already known (a redelivery, or it is linked to a ticket): keep what is there.
        }
    }

    /// <summary>
    /// Links a message to a ticket: returns the ticket id the message ends up with (ours, or one another writer
    /// linked first).
    /// </summary>
    public async Task<string> LinkAsync(ChatPlatform platform, string channelId, string messageId, string ticketId, ChatUser? author, string? text, CancellationToken ct = default) =>
        await OptimisticConcurrency.RetryAsync(async token =>
        {
            var existing = await GetAsync(platform, channelId, messageId, token);
            if (existing?.TicketId is { } linked) return linked;
            var row = Row(platform, channelId, messageId, ticketId, author, text ?? existing?.Text) with { ETag = existing?.ETag };
            if (existing is null) await _table.InsertAsync(row, token);
            else
            {
                var properties = new Dictionary<string, object?>(row.Properties)
                {
                    ["AuthorId"] = existing.AuthorId ?? author?.Id,
                    ["AuthorName"] = existing.AuthorName ?? author?.DisplayName,
                    ["AuthorKind"] = existing.AuthorId is null ? author?.Kind.ToString() : existing.AuthorKind.ToString(),
                };
                await _table.UpdateAsync(row with { Properties = properties }, token);
            }
            return ticketId;
        }, ct);

    private static StorageRecord Row(ChatPlatform platform, string channelId, string messageId, string? ticketId, ChatUser? author, string? text) =>
        new(Partition(platform, channelId), TicketKeys.Escape(messageId), new Dictionary<string, object?>
        {
            ["TicketId"] = ticketId,
            ["Text"] = text is null ? null : text.Length <= MaxText ? text : text[..MaxText],
            ["AuthorId"] = author?.Id,
            ["AuthorName"] = author?.DisplayName,
            ["AuthorKind"] = author?.Kind.ToString(),
        });

    private static string Partition(ChatPlatform platform, string channelId) => $"{platform}|{TicketKeys.Escape(channelId)}";
}

/// <summary>A message the ticket feature has seen: linked to <see cref="TicketId"/>, or a candidate when that is null.</summary>
public sealed record TicketSource(string? TicketId, string? Text, string? AuthorId, string? AuthorName, AuthorKind AuthorKind, string? ETag);
