using System.Runtime.CompilerServices;
using EngageBot.Storage;

namespace EngageBot.Features.Feedback;

// Table "feedback". Key scheme:
//   PartitionKey  "p|{partnerId}"  one partition per partner, so one partner's feedback is one index range and
//                 never mixes with another partner's.
//   RowKey        "t|{DateTimeOffset.MaxValue ticks − created ticks, 19 digits}|{id}"  the entry (time row); inverted
//                 fixed-width ticks make row-key order newest first.
//                 "id|{id}"  its idempotency row (id → time row).
// Both rows are inserted in one atomic batch: saving an id that exists conflicts on the "id|" row whatever the
// created time, so a form submitted twice (or an event redelivered) stores one entry.
// Queries served:
//   one partner since T, newest first → one partition, RowKey in [t|, t|{inverted T}+1): a single index range.
//   one entry by partner and id → point read of "id|{id}", then of its time row.
//   all partners since T → the same row-key range across partitions, merged newest first in memory (admin/CLI
//   use only: on Table Storage this is a table scan).
public sealed class FeedbackStore(IRecordStore store)
{
    public const string TableName = "feedback";

    private readonly IRecordTable _table = store.Table(TableName);

    /// <summary>Stores the entry; false when an entry with its id is already stored (the stored one is kept).</summary>
    public async Task<bool> SaveAsync(FeedbackEntry entry, CancellationToken cancellationToken = default)
    {
        if (entry.Problem() is { } problem) throw new ArgumentException(problem, nameof(entry));
        try
        {
            await _table.SubmitBatchAsync(
                [RecordOperation.Insert(FeedbackRecordMapper.ToIdRecord(entry)), RecordOperation.Insert(FeedbackRecordMapper.ToTimeRecord(entry))],
                cancellationToken);
            return true;
        }
        catch (BatchFailedException e) when (e.Cause is RecordExistsException)
        {
            return false;
        }
    }

    public async Task<FeedbackEntry?> GetAsync(string partnerId, string id, CancellationToken cancellationToken = default)
    {
        var partition = FeedbackKeys.Partition(partnerId);
        if (await _table.GetAsync(partition, FeedbackKeys.IdRow(id), cancellationToken) is not { } idRow
            || idRow.GetString("TimeRow") is not { } timeRow
            || await _table.GetAsync(partition, timeRow, cancellationToken) is not { } record)
            return null;
        return FeedbackRecordMapper.FromRecord(record);
    }

    /// <summary>Feedback created at or after <paramref name="since"/>, newest first; one partner's, or every partner's when null.</summary>
    public async IAsyncEnumerable<FeedbackEntry> ListAsync(string? partnerId, DateTimeOffset since, int? take = null,
        [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        var range = new RecordQuery
        {
            PartitionKey = partnerId is null ? null : FeedbackKeys.Partition(partnerId),
            RowKeyFrom = FeedbackKeys.TimePrefix,
            RowKeyBefore = FeedbackKeys.TimeRowBefore(since),
            Take = partnerId is null ? null : take,
        };
        if (partnerId is not null)
        {
            await foreach (var r in _table.QueryAsync(range, cancellationToken))
                yield return FeedbackRecordMapper.FromRecord(r);
            yield break;
        }
        var all = new List<(string Key, FeedbackEntry Entry)>();
        await foreach (var r in _table.QueryAsync(range, cancellationToken))
            all.Add((r.RowKey, FeedbackRecordMapper.FromRecord(r)));
        foreach (var (_, entry) in all.OrderBy(x => x.Key, StringComparer.Ordinal).Take(take ?? int.MaxValue))
            yield return entry;
    }
}
