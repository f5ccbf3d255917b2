using System.Runtime.CompilerServices;
using EngageBot.Storage;

namespace EngageBot.Features.Interactions;

// Table "interactions". Key scheme:
//   PartitionKey  "p|{partnerId}"  one partition per partner; interactions with no partner go to "unassigned".
//   RowKey        "t|{utc ticks, 19 digits}|{platform}|{kind}|{messageId}"  the interaction itself (time row);
//                 fixed-width ticks make row-key order time order.
//                 "m|{platform}|{kind}|{messageId}"  its idempotency row (identity → time row).
// Both rows of an interaction live in its partner's partition and are inserted in one atomic batch, so a
// redelivered event (same platform, message id and kind, whatever its timestamp) conflicts on the "m|" row
// and is stored once.
// Queries served:
//   one partner, time range, time ordered → one partition, RowKey in [t|since, t|until): a single index range.
//   all partners → the same row-key range across partitions, merged by time in memory (admin/CLI use only:
//   on Table Storage this is a table scan).
// Writes: AppendManyAsync groups by partition and sends batches of ≤50 interactions (100 rows, under the
// 4 MiB payload cap), up to 4 partitions at a time, so a burst of N interactions for one partner costs about
// N/50 storage transactions.
public sealed class InteractionStore(IRecordStore store) : IInteractionLog
{
    public const string TableName = "interactions";
    private const int PartitionsInParallel = 4;
    private const int InteractionsPerBatch = BatchRules.MaxOperations / 2;
    // Table Storage rejects a batch body over 4 MiB. Text goes out as UTF-8 JSON: up to 3 bytes per char, 6 for
    // characters JSON must escape (controls; emoji halves), so 600K chars stays under the cap whatever the text.
    private const int MaxBatchChars = 600_000;

    private readonly IRecordTable _table = store.Table(TableName);

    public async Task<bool> AppendAsync(Interaction interaction, CancellationToken cancellationToken = default)
    {
        try
        {
            await _table.SubmitBatchAsync(Rows(interaction), cancellationToken);
            return true;
        }
        catch (BatchFailedException e) when (e.Cause is RecordExistsException)
        {
            return false;
        }
    }

    public async Task AppendManyAsync(IReadOnlyList<Interaction> interactions, CancellationToken cancellationToken = default)
    {
        var partitions = interactions.DistinctBy(InteractionKeys.IdRow).GroupBy(i => InteractionKeys.Partition(i.PartnerId)).ToList();
        // Partitions are independent: a few at once hide Table Storage's per-request latency. Within a
        // partition batches stay in order.
        await Parallel.ForEachAsync(partitions, new ParallelOptions { MaxDegreeOfParallelism = PartitionsInParallel, CancellationToken = cancellationToken },
            async (partition, ct) =>
            {
                foreach (var chunk in Chunks(partition))
                    await AppendBatchAsync(chunk, ct);
            });
    }

    public async IAsyncEnumerable<Interaction> QueryAsync(string? partnerId, DateTimeOffset since, DateTimeOffset? until = null, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        var range = new RecordQuery
        {
            PartitionKey = partnerId is null ? null : InteractionKeys.Partition(partnerId),
            RowKeyFrom = InteractionKeys.TimeRow(since),
            RowKeyBefore = until is { } u ? InteractionKeys.TimeRow(u) : InteractionKeys.TimePrefix + '\uffff',
        };
        if (partnerId is not null)
        {
            await foreach (var r in _table.QueryAsync(range, cancellationToken))
                yield return InteractionRecordMapper.FromRecord(r);
            yield break;
        }
        var all = new List<(string Key, Interaction Value)>();
        await foreach (var r in _table.QueryAsync(range, cancellationToken))
            all.Add((r.RowKey, InteractionRecordMapper.FromRecord(r)));
        foreach (var (_, value) in all.OrderBy(x => x.Key, StringComparer.Ordinal))
            yield return value;
    }

    /// <summary>One batch; a duplicate fails it, so drop the duplicate and resend the rest.</summary>
    private async Task AppendBatchAsync(List<Interaction> chunk, CancellationToken cancellationToken)
    {
        while (chunk.Count > 0)
        {
            try
            {
                await _table.SubmitBatchAsync(chunk.SelectMany(Rows).ToList(), cancellationToken);
                return;
            }
            catch (BatchFailedException e) when (e.Cause is RecordExistsException)
            {
                chunk.RemoveAt(e.FailedIndex / 2);
            }
        }
    }

    private static IEnumerable<List<Interaction>> Chunks(IEnumerable<Interaction> partition)
    {
        var chunk = new List<Interaction>();
        var chars = 0;
        foreach (var i in partition)
        {
            var size = Math.Min(i.Text?.Length ?? 0, InteractionRecordMapper.MaxTextLength) + 512;
            if (chunk.Count == InteractionsPerBatch || (chunk.Count > 0 && chars + size > MaxBatchChars))
            {
                yield return chunk;
                chunk = [];
                chars = 0;
            }
            chunk.Add(i);
            chars += size;
        }
        if (chunk.Count > 0) yield return chunk;
    }

    private static List<RecordOperation> Rows(Interaction i) =>
        [RecordOperation.Insert(InteractionRecordMapper.ToIdRecord(i)), RecordOperation.Insert(InteractionRecordMapper.ToTimeRecord(i))];
}
