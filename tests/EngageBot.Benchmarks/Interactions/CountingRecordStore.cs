using System.Runtime.CompilerServices;
using EngageBot.Storage;

namespace EngageBot.Benchmarks.Interactions;

/// <summary>
/// Counts storage work at the port, for the SQLite adapter: each single write runs as one SQL transaction
/// of one statement; a batch as one transaction of one statement per operation; a query as one read.
/// </summary>
internal sealed class CountingRecordStore(IRecordStore inner) : IRecordStore
{
    public long Transactions;
    public long Statements;

    public IRecordTable Table(string name) => new CountingTable(this, inner.Table(name));

    private sealed class CountingTable(CountingRecordStore counts, IRecordTable inner) : IRecordTable
    {
        public string Name => inner.Name;

        private T Count<T>(T result, int statements = 1)
        {
            Interlocked.Increment(ref counts.Transactions);
            Interlocked.Add(ref counts.Statements, statements);
            return result;
        }

        public async Task<StorageRecord?> GetAsync(string partitionKey, string rowKey, CancellationToken cancellationToken = default) =>
            Count(await inner.GetAsync(partitionKey, rowKey, cancellationToken));

        public async Task<string> InsertAsync(StorageRecord record, CancellationToken cancellationToken = default) =>
            Count(await inner.InsertAsync(record, cancellationToken));

        public async Task<string> UpsertAsync(StorageRecord record, CancellationToken cancellationToken = default) =>
            Count(await inner.UpsertAsync(record, cancellationToken));

        public async Task<string> UpdateAsync(StorageRecord record, CancellationToken cancellationToken = default) =>
            Count(await inner.UpdateAsync(record, cancellationToken));

        public async Task DeleteAsync(string partitionKey, string rowKey, string? eTag = null, CancellationToken cancellationToken = default)
        {
            await inner.DeleteAsync(partitionKey, rowKey, eTag, cancellationToken);
            Count(true);
        }

        public async IAsyncEnumerable<StorageRecord> QueryAsync(RecordQuery query, [EnumeratorCancellation] CancellationToken cancellationToken = default)
        {
            Count(true);
            await foreach (var r in inner.QueryAsync(query, cancellationToken)) yield return r;
        }

        public async Task SubmitBatchAsync(IReadOnlyList<RecordOperation> operations, CancellationToken cancellationToken = default)
        {
            try
            {
                await inner.SubmitBatchAsync(operations, cancellationToken);
            }
            finally
            {
                Count(true, operations.Count);
            }
        }
    }
}
