using EngageBot.Storage;

namespace EngageBot.Features.Feedback.Ratings;

// Table "feedbackInvites". Key scheme:
//   PartitionKey  "p|{partnerId}"   RowKey "last"   properties TicketId, InvitedAt.
// One row per partner: the last rating invitation. Claimed by insert-if-absent or an ETag-conditional replace, so two
// instances resolving tickets of one partner at once invite once, and a redelivered resolution never invites twice.
// Query served: one point read per resolved ticket.
public sealed class RatingInvitationLedger(IRecordStore store)
{
    public const string TableName = "feedbackInvites";
    private const string Row = "last";

    private readonly IRecordTable _table = store.Table(TableName);

    /// <summary>True when this ticket may invite now: no invitation to the partner within <paramref name="cooldown"/>, and the claim won.</summary>
    public async Task<bool> TryClaimAsync(string partnerId, string ticketId, DateTimeOffset now, TimeSpan cooldown, CancellationToken cancellationToken = default)
    {
        var partition = "p|" + partnerId;
        var last = await _table.GetAsync(partition, Row, cancellationToken);
        if (last?.GetString("TicketId") == ticketId) return false;
        if (last?.GetDateTime("InvitedAt") is { } at && now - at < cooldown) return false;
        var claim = new StorageRecord(partition, Row, new Dictionary<string, object?> { ["TicketId"] = ticketId, ["InvitedAt"] = now }, last?.ETag);
        try
        {
            if (last is null) await _table.InsertAsync(claim, cancellationToken);
            else await _table.UpdateAsync(claim, cancellationToken);
            return true;
        }
        catch (Exception e) when (e is RecordExistsException or ConcurrencyConflictException)
        {
            return false; // another instance invited for this partner just now
        }
    }
}
