using System.Runtime.CompilerServices;
using Azure;
using Azure.Data.Tables;

namespace EngageBot.Storage.AzureTables;

/// <summary>
/// One logical table on an Azure table. The Azure table is created once, on the first call; range queries
/// become a $filter on PartitionKey/RowKey (one indexed range), paged transparently by the SDK.
/// </summary>
internal sealed class AzureTablesRecordTable(TableClient client, string name) : IRecordTable
{
    private readonly SemaphoreSlim _createGate = new(1, 1);
    private volatile bool _created;

    public string Name { get; } = name;

    public async Task<StorageRecord?> GetAsync(string partitionKey, string rowKey, CancellationToken cancellationToken = default)
    {
        await EnsureCreatedAsync(cancellationToken);
        var probe = new StorageRecord(partitionKey, rowKey);
        try
        {
            var result = await client.GetEntityIfExistsAsync<TableEntity>(StorageKeys.Escape(partitionKey), StorageKeys.Escape(rowKey), cancellationToken: cancellationToken);
            return result.HasValue ? RecordEntityMapper.ToRecord(result.Value!) : null;
        }
        catch (RequestFailedException e)
        {
            throw StorageErrorMapper.Map(e, Name, probe, conditional: false);
        }
    }

    public Task<string> InsertAsync(StorageRecord record, CancellationToken cancellationToken = default) =>
        WriteAsync(record, conditional: false, () => client.AddEntityAsync(RecordEntityMapper.ToEntity(record), cancellationToken), cancellationToken);

    public Task<string> UpsertAsync(StorageRecord record, CancellationToken cancellationToken = default) =>
        WriteAsync(record, conditional: false, () => client.UpsertEntityAsync(RecordEntityMapper.ToEntity(record), TableUpdateMode.Replace, cancellationToken), cancellationToken);

    public Task<string> UpdateAsync(StorageRecord record, CancellationToken cancellationToken = default) =>
        WriteAsync(record, conditional: true, () => client.UpdateEntityAsync(RecordEntityMapper.ToEntity(record), RecordEntityMapper.IfMatch(record.ETag), TableUpdateMode.Replace, cancellationToken), cancellationToken);

    public async Task DeleteAsync(string partitionKey, string rowKey, string? eTag = null, CancellationToken cancellationToken = default)
    {
        var record = new StorageRecord(partitionKey, rowKey, new Dictionary<string, object?>(), eTag);
        await WriteAsync(record, conditional: eTag is not null, async () =>
        {
            var response = await client.DeleteEntityAsync(StorageKeys.Escape(partitionKey), StorageKeys.Escape(rowKey), eTag is null ? ETag.All : new ETag(eTag), cancellationToken);
            // The SDK treats 404 on delete as success; with an ETag the record was expected to be there unchanged.
            if (response.Status == 404 && eTag is not null) throw new RequestFailedException(response);
            return response;
        }, cancellationToken);
    }

    public async IAsyncEnumerable<StorageRecord> QueryAsync(RecordQuery query, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        await EnsureCreatedAsync(cancellationToken);
        var filter = RangeFilter.Of(query);
        var remaining = query.Take ?? int.MaxValue;
        if (remaining <= 0) yield break;
        // $top is a page size; ask for no more than we still need (the service caps a page at 1000).
        var pageSize = query.Take is int t ? Math.Min(t, 1000) : (int?)null;
        await foreach (var entity in client.QueryAsync<TableEntity>(filter, pageSize, cancellationToken: cancellationToken))
        {
            yield return RecordEntityMapper.ToRecord(entity);
            if (--remaining == 0) yield break;
        }
    }

    public async Task SubmitBatchAsync(IReadOnlyList<RecordOperation> operations, CancellationToken cancellationToken = default)
    {
        BatchRules.Check(operations);
        foreach (var op in operations.Where(o => o.Kind != RecordOperationKind.Delete)) RecordRules.Check(op.Record);
        await EnsureCreatedAsync(cancellationToken);
        var actions = operations.Select(op => new TableTransactionAction(op.Kind switch
        {
            RecordOperationKind.Insert => TableTransactionActionType.Add,
            RecordOperationKind.Upsert => TableTransactionActionType.UpsertReplace,
            RecordOperationKind.Update => TableTransactionActionType.UpdateReplace,
            RecordOperationKind.Delete => TableTransactionActionType.Delete,
            _ => throw new ArgumentOutOfRangeException(nameof(operations)),
        }, RecordEntityMapper.ToEntity(op.Record), RecordEntityMapper.IfMatch(op.Record.ETag))).ToList();
        try
        {
            await client.SubmitTransactionAsync(actions, cancellationToken);
        }
        catch (TableTransactionFailedException e)
        {
            throw StorageErrorMapper.MapBatch(e, Name, operations);
        }
    }

    private async Task<string> WriteAsync(StorageRecord record, bool conditional, Func<Task<Response>> write, CancellationToken cancellationToken)
    {
        RecordRules.Check(record);
        await EnsureCreatedAsync(cancellationToken);
        try
        {
            var response = await write();
            return response.Headers.ETag?.ToString() ?? "";
        }
        catch (RequestFailedException e)
        {
            throw StorageErrorMapper.Map(e, Name, record, conditional);
        }
    }

    private async Task EnsureCreatedAsync(CancellationToken cancellationToken)
    {
        if (_created) return;
        await _createGate.WaitAsync(cancellationToken);
        try
        {
            if (_created) return;
            await client.CreateIfNotExistsAsync(cancellationToken);
            _created = true;
        }
        catch (RequestFailedException e)
        {
            // A wrong key, a missing role assignment or a bad endpoint shows here first: name the status, not the secret.
            throw new StorageException($"Table Storage could not create or open table {client.Name}: {e.Status}{(string.IsNullOrEmpty(e.ErrorCode) ? "" : " " + e.ErrorCode)}.", e);
        }
        finally
        {
            _createGate.Release();
        }
    }
}
