using System.Text;
using System.Text.Json;
using Azure;
using Azure.Core;

namespace EngageBot.Tables;

/// <summary>
/// Entity operations on one table, shaped like Azure.Data.Tables' TableClient (async only, TableEntity only).
/// Failures throw RequestFailedException with Status and ErrorCode; GetEntityIfExists returns no value on 404.
/// </summary>
public sealed class TableClient
{
    private static readonly RequestMethod Merge = new("MERGE");
    private readonly TablePipeline _pipeline;

    public TableClient(string connectionString, string tableName, TableClientOptions? options = null)
        : this(new TableServiceClient(connectionString, options).GetTableClient(tableName)._pipeline, tableName) { }

    public TableClient(Uri endpoint, string tableName, TableSharedKeyCredential credential, TableClientOptions? options = null)
        : this(TablePipeline.Create(endpoint, credential, options), tableName) { }

    public TableClient(Uri endpoint, string tableName, TokenCredential credential, TableClientOptions? options = null)
        : this(TablePipeline.Create(endpoint, credential, options), tableName) { }

    internal TableClient(TablePipeline pipeline, string tableName)
    {
        _pipeline = pipeline;
        Name = tableName;
    }

    public string Name { get; }

    public Uri Uri => new(_pipeline.Endpoint + "/" + Name);

    public static string CreateQueryFilter(FormattableString filter) => TableOdataFilter.Create(filter);

    public Task<Response> CreateIfNotExistsAsync(CancellationToken cancellationToken = default) =>
        TableServiceClient.CreateAsync(_pipeline, Name, ifNotExists: true, cancellationToken);

    /// <summary>Inserts; 409 EntityAlreadyExists if the key is taken. The response's ETag header is the new version.</summary>
    public async Task<Response> AddEntityAsync(TableEntity entity, CancellationToken cancellationToken = default)
    {
        using var message = _pipeline.CreateMessage(RequestMethod.Post, "/" + Name);
        WithBody(message, entity);
        return await _pipeline.SendAsync(message, cancellationToken, 201, 204).ConfigureAwait(false);
    }

    public async Task<Response> UpsertEntityAsync(TableEntity entity, TableUpdateMode mode = TableUpdateMode.Merge, CancellationToken cancellationToken = default)
    {
        using var message = _pipeline.CreateMessage(mode == TableUpdateMode.Merge ? Merge : RequestMethod.Put, "/" + Name + EntityPath(entity.PartitionKey, entity.RowKey));
        WithBody(message, entity);
        return await _pipeline.SendAsync(message, cancellationToken, 204).ConfigureAwait(false);
    }

    /// <summary>Updates only if the entity still has <paramref name="ifMatch"/> (ETag.All for any): else 412, or 404 if gone.</summary>
    public async Task<Response> UpdateEntityAsync(TableEntity entity, ETag ifMatch, TableUpdateMode mode = TableUpdateMode.Merge, CancellationToken cancellationToken = default)
    {
        using var message = _pipeline.CreateMessage(mode == TableUpdateMode.Merge ? Merge : RequestMethod.Put, "/" + Name + EntityPath(entity.PartitionKey, entity.RowKey));
        message.Request.Headers.SetValue("If-Match", ifMatch == default ? "*" : ifMatch.ToString());
        WithBody(message, entity);
        return await _pipeline.SendAsync(message, cancellationToken, 204).ConfigureAwait(false);
    }

    /// <summary>Deletes (ETag default = any version). A missing entity is not an error unless an ETag was given (then 404).</summary>
    public async Task<Response> DeleteEntityAsync(string partitionKey, string rowKey, ETag ifMatch = default, CancellationToken cancellationToken = default)
    {
        using var message = _pipeline.CreateMessage(RequestMethod.Delete, "/" + Name + EntityPath(partitionKey, rowKey));
        var any = ifMatch == default || ifMatch == ETag.All;
        message.Request.Headers.SetValue("If-Match", any ? "*" : ifMatch.ToString());
        int[] ok = any ? [204, 404] : [204];
        return await _pipeline.SendAsync(message, cancellationToken, ok).ConfigureAwait(false);
    }

    public async Task<Response<TableEntity>> GetEntityAsync(string partitionKey, string rowKey, IEnumerable<string>? select = null, CancellationToken cancellationToken = default)
    {
        var result = await GetEntityIfExistsAsync(partitionKey, rowKey, select, cancellationToken).ConfigureAwait(false);
        return result.HasValue
            ? Response.FromValue(result.Value!, result.GetRawResponse())
            : throw TableErrors.From(result.GetRawResponse());
    }

    public async Task<NullableResponse<TableEntity>> GetEntityIfExistsAsync(string partitionKey, string rowKey, IEnumerable<string>? select = null, CancellationToken cancellationToken = default)
    {
        using var message = _pipeline.CreateMessage(RequestMethod.Get, "/" + Name + EntityPath(partitionKey, rowKey));
        if (select is not null) message.Request.Uri.AppendQuery("$select", string.Join(',', select));
        var response = await _pipeline.SendAsync(message, cancellationToken, 200, 404).ConfigureAwait(false);
        if (response.Status == 404) return new MissingEntity(response);
        using var doc = JsonDocument.Parse(response.Content.ToMemory());
        var etag = response.Headers.ETag;
        return Response.FromValue(TableEntitySerializer.Deserialize(doc.RootElement, etag), response);
    }

    /// <summary>Entities matching <paramref name="filter"/> in (PartitionKey, RowKey) order, following continuation tokens page by page.</summary>
    public AsyncPageable<TableEntity> QueryAsync(string? filter = null, int? maxPerPage = null, IEnumerable<string>? select = null, CancellationToken cancellationToken = default)
    {
        var columns = select is null ? null : string.Join(',', select);
        return new TablePageable<TableEntity>((token, pageSize, ct) => QueryPageAsync(filter, pageSize ?? maxPerPage, columns, token, ct), cancellationToken);
    }

    private async Task<Page<TableEntity>> QueryPageAsync(string? filter, int? top, string? select, string? token, CancellationToken cancellationToken)
    {
        using var message = _pipeline.CreateMessage(RequestMethod.Get, "/" + Name + "()");
        var uri = message.Request.Uri;
        if (filter is not null) uri.AppendQuery("$filter", filter);
        if (select is not null) uri.AppendQuery("$select", select);
        if (top is int t) uri.AppendQuery("$top", t.ToString(System.Globalization.CultureInfo.InvariantCulture));
        if (token is not null)
        {
            var parts = token.Split(' ');
            uri.AppendQuery("NextPartitionKey", parts[0]);
            if (parts.Length > 1 && parts[1].Length > 0) uri.AppendQuery("NextRowKey", parts[1]);
        }
        var response = await _pipeline.SendAsync(message, cancellationToken, 200).ConfigureAwait(false);
        using var doc = JsonDocument.Parse(response.Content.ToMemory());
        var values = doc.RootElement.GetProperty("value").EnumerateArray().Select(e => TableEntitySerializer.Deserialize(e)).ToList();
        string? next = null;
        if (response.Headers.TryGetValue("x-ms-continuation-NextPartitionKey", out var npk) && !string.IsNullOrEmpty(npk))
            next = npk + " " + (response.Headers.TryGetValue("x-ms-continuation-NextRowKey", out var nrk) ? nrk : "");
        return Page<TableEntity>.FromValues(values, next, response);
    }

    /// <summary>
    /// Applies up to 100 actions on one partition atomically. A failure throws
    /// <see cref="TableTransactionFailedException"/> naming the failing action; nothing is applied.
    /// Returns the inner responses' ETags in action order (null for deletes).
    /// </summary>
    public async Task<Response<IReadOnlyList<ETag?>>> SubmitTransactionAsync(IEnumerable<TableTransactionAction> transactionActions, CancellationToken cancellationToken = default)
    {
        var actions = transactionActions.ToList();
        if (actions.Count is 0 or > 100) throw new ArgumentException($"A transaction holds 1 to 100 actions, not {actions.Count}.", nameof(transactionActions));
        if (actions.Select(a => a.Entity.PartitionKey).Distinct(StringComparer.Ordinal).Count() > 1)
            throw new ArgumentException("All actions of a transaction must share one partition key.", nameof(transactionActions));
        var (contentType, body) = TableBatchBuilder.Build(Uri, actions);
        using var message = _pipeline.CreateMessage(RequestMethod.Post, "/$batch");
        message.Request.Headers.SetValue("Content-Type", contentType);
        message.Request.Content = RequestContent.Create(body);
        var response = await _pipeline.SendAsync(message, cancellationToken, 202).ConfigureAwait(false);
        var parts = TableBatchResponseParser.Parse(Encoding.UTF8.GetString(response.Content.ToMemory().Span));
        if (TableBatchResponseParser.Failure(parts, actions.Count) is { } failure) throw failure;
        IReadOnlyList<ETag?> etags = parts.Select(p => p.ETag is null ? (ETag?)null : new ETag(p.ETag)).ToList();
        return Response.FromValue(etags, response);
    }

    /// <summary>"(PartitionKey='…',RowKey='…')" with quotes doubled and everything URL-encoded.</summary>
    internal static string EntityPath(string partitionKey, string rowKey) =>
        $"(PartitionKey='{Uri.EscapeDataString(partitionKey.Replace("'", "''", StringComparison.Ordinal))}',RowKey='{Uri.EscapeDataString(rowKey.Replace("'", "''", StringComparison.Ordinal))}')";

    private static void WithBody(HttpMessage message, TableEntity entity)
    {
        message.Request.Headers.SetValue("Content-Type", "application/json");
        message.Request.Headers.SetValue("Prefer", "return-no-content");
        message.Request.Content = RequestContent.Create(TableEntitySerializer.Serialize(entity));
    }

    private sealed class MissingEntity(Response response) : NullableResponse<TableEntity>
    {
        public override bool HasValue => false;
        public override TableEntity? Value => null;
        public override Response GetRawResponse() => response;
    }
}
