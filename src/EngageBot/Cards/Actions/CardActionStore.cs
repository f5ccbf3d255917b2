using EngageBot.Channels;
using EngageBot.Storage;

namespace EngageBot.Cards.Actions;

/// <summary>
/// Card actions already handled, so a retried or double-pressed action (same DedupKey) runs its handler once.
/// Table "CardActions": PartitionKey = platform, RowKey = the DedupKey (Table-Storage-forbidden characters
/// percent-encoded). Serves one query: point lookup by (platform, DedupKey). Properties: Verb, ActorId, ChannelId,
/// PressedAt (Timestamp is a Table Storage system name), Message (what the user was told, replayed on duplicates).
/// </summary>
public sealed class CardActionStore(IRecordStore store)
{
    private readonly IRecordTable _table = store.Table("CardActions");

    /// <summary>Claims the action; false when the same DedupKey was claimed before.</summary>
    public async Task<bool> TryClaimAsync(CardActionInvoked action, CancellationToken cancellationToken)
    {
        var record = new StorageRecord(action.Platform.ToString(), RowKey(action.DedupKey), new Dictionary<string, object?>
        {
            ["Verb"] = action.Verb,
            ["ActorId"] = action.Actor?.Id,
            ["ChannelId"] = action.Conversation.ChannelId,
            ["PressedAt"] = action.Timestamp,
        });
        try
        {
            await _table.InsertAsync(record, cancellationToken);
            return true;
        }
        catch (RecordExistsException)
        {
            return false;
        }
    }

    public async Task RecordOutcomeAsync(CardActionInvoked action, string outcome, CancellationToken cancellationToken)
    {
        var existing = await _table.GetAsync(action.Platform.ToString(), RowKey(action.DedupKey), cancellationToken);
        if (existing is null) return;
        var properties = new Dictionary<string, object?>(existing.Properties) { ["Message"] = CardText.Truncate(outcome, 1000) };
        await _table.UpsertAsync(existing with { Properties = properties }, cancellationToken);
    }

    public async Task<string?> OutcomeAsync(CardActionInvoked action, CancellationToken cancellationToken) =>
        (await _table.GetAsync(action.Platform.ToString(), RowKey(action.DedupKey), cancellationToken))?.GetString("Message");

    /// <summary>Row keys may not hold / \ # ? or control characters; encode them (and %) reversibly.</summary>
    internal static string RowKey(string dedupKey)
    {
        var sb = new System.Text.StringBuilder(dedupKey.Length);
        foreach (var c in dedupKey)
        {
            if (c is '/' or '\\' or '#' or '?' or '%' || char.IsControl(c)) sb.Append('%').Append(((int)c).ToString("X2"));
            else sb.Append(c);
        }
        return CardText.Truncate(sb.ToString(), 512);
    }
}
