using System.Runtime.CompilerServices;
using EngageBot.Storage;

namespace EngageBot.Tests.Directory;

/// <summary>Counts point reads and queries on the way to a real store, to prove the lookup cache spares the store.</summary>
internal sealed class CountingRecordStore(IRecordStore inner) : IRecordStore
{
    public int Reads;

    public IRecordTable Table(string name) => new CountingTable(inner.Table(name), this);

    private sealed class CountingTable(IRecordTable inner, CountingRecordStore owner) : IRecordTable
    {
        public string Name => inner.Name;

        public Task<StorageRecord?> GetAsync(string partitionKey, string rowKey, CancellationToken cancellationToken = default)
        {
            Interlocked.Increment(ref owner.Reads);
            return inner.GetAsync(partitionKey, rowKey, cancellationToken);
        }

        public async IAsyncEnumerable<StorageRecord> QueryAsync(RecordQuery query, [EnumeratorCancellation] CancellationToken cancellationToken = default)
        {
            Interlocked.Increment(ref owner.Reads);
            await foreach (var r in inner.QueryAsync(query, cancellationToken)) yield return r;
        }

        public Task<string> InsertAsync(StorageRecord record, CancellationToken cancellationToken = default) => inner.InsertAsync(record, cancellationToken);
        public Task<string> UpsertAsync(StorageRecord record, CancellationToken cancellationToken = default) => inner.UpsertAsync(record, cancellationToken);
        public Task<string> UpdateAsync(StorageRecord record, CancellationToken cancellationToken = default) => inner.UpdateAsync(record, cancellationToken);
        public Task DeleteAsync(string partitionKey, string rowKey, string? eTag = null, CancellationToken cancellationToken = default) => inner.DeleteAsync(partitionKey, rowKey, eTag, cancellationToken);
        public Task SubmitBatchAsync(IReadOnlyList<RecordOperation> operations, CancellationToken cancellationToken = default) => inner.SubmitBatchAsync(operations, cancellationToken);
    }
}
