using EngageBot.Storage;

namespace EngageBot.Tests.Storage;

/// <summary>A real store whose writes are steps of a <see cref="CrashSchedule"/>; reads pass through.</summary>
public sealed class CrashingRecordStore(IRecordStore inner, CrashSchedule schedule) : IRecordStore
{
    public IRecordTable Table(string name) => new CrashingTable(inner.Table(name), schedule);

    private sealed class CrashingTable(IRecordTable inner, CrashSchedule schedule) : IRecordTable
    {
        public string Name => inner.Name;

        public Task<StorageRecord?> GetAsync(string partitionKey, string rowKey, CancellationToken cancellationToken = default) =>
            inner.GetAsync(partitionKey, rowKey, cancellationToken);

        public IAsyncEnumerable<StorageRecord> QueryAsync(RecordQuery query, CancellationToken cancellationToken = default) =>
            inner.QueryAsync(query, cancellationToken);

        public Task<string> InsertAsync(StorageRecord record, CancellationToken cancellationToken = default)
        {
            schedule.Step($"insert {Name} {record.PartitionKey}/{record.RowKey}");
            return inner.InsertAsync(record, cancellationToken);
        }

        public Task<string> UpsertAsync(StorageRecord record, CancellationToken cancellationToken = default)
        {
            schedule.Step($"upsert {Name} {record.PartitionKey}/{record.RowKey}");
            return inner.UpsertAsync(record, cancellationToken);
        }

        public Task<string> UpdateAsync(StorageRecord record, CancellationToken cancellationToken = default)
        {
            schedule.Step($"update {Name} {record.PartitionKey}/{record.RowKey}");
            return inner.UpdateAsync(record, cancellationToken);
        }

        public Task DeleteAsync(string partitionKey, string rowKey, string? eTag = null, CancellationToken cancellationToken = default)
        {
            schedule.Step($"delete {Name} {partitionKey}/{rowKey}");
            return inner.DeleteAsync(partitionKey, rowKey, eTag, cancellationToken);
        }

        public Task SubmitBatchAsync(IReadOnlyList<RecordOperation> operations, CancellationToken cancellationToken = default)
        {
            schedule.Step($"batch {Name} ({operations.Count} operations)");
            return inner.SubmitBatchAsync(operations, cancellationToken);
        }
    }
}
