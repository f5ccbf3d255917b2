using EngageBot.Storage;

namespace EngageBot.Tests.Directory;

/// <summary>A store whose point reads fail on demand, like a storage outage.</summary>
internal sealed class FailingRecordStore(IRecordStore inner) : IRecordStore
{
    public bool Failing { get; set; }

    public IRecordTable Table(string name) => new FailingTable(inner.Table(name), this);

    private sealed class FailingTable(IRecordTable inner, FailingRecordStore owner) : IRecordTable
    {
        public string Name => inner.Name;

        public Task<StorageRecord?> GetAsync(string partitionKey, string rowKey, CancellationToken cancellationToken = default) =>
            owner.Failing ? throw new StorageException("storage is down") : inner.GetAsync(partitionKey, rowKey, cancellationToken);

        public IAsyncEnumerable<StorageRecord> QueryAsync(RecordQuery query, CancellationToken cancellationToken = default) => inner.QueryAsync(query, cancellationToken);
        public Task<string> InsertAsync(StorageRecord record, CancellationToken cancellationToken = default) => inner.InsertAsync(record, cancellationToken);
        public Task<string> UpsertAsync(StorageRecord record, CancellationToken cancellationToken = default) => inner.UpsertAsync(record, cancellationToken);
        public Task<string> UpdateAsync(StorageRecord record, CancellationToken cancellationToken = default) => inner.UpdateAsync(record, cancellationToken);
        public Task DeleteAsync(string partitionKey, string rowKey, string? eTag = null, CancellationToken cancellationToken = default) => inner.DeleteAsync(partitionKey, rowKey, eTag, cancellationToken);
        public Task SubmitBatchAsync(IReadOnlyList<RecordOperation> operations, CancellationToken cancellationToken = default) => inner.SubmitBatchAsync(operations, cancellationToken);
    }
}
