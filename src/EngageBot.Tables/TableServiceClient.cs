using System.Text.Json;
using Azure;
using Azure.Core;

namespace EngageBot.Tables;

/// <summary>The account level: create and delete tables, and hand out <see cref="TableClient"/>s sharing one pipeline.</summary>
public sealed class TableServiceClient
{
    private readonly TablePipeline _pipeline;

    public TableServiceClient(string connectionString, TableClientOptions? options = null)
        : this(TableConnectionString.Parse(connectionString), options) { }

    public TableServiceClient(Uri endpoint, TableSharedKeyCredential credential, TableClientOptions? options = null)
        => _pipeline = TablePipeline.Create(endpoint, credential, options);

    public TableServiceClient(Uri endpoint, TokenCredential credential, TableClientOptions? options = null)
        => _pipeline = TablePipeline.Create(endpoint, credential, options);

    private TableServiceClient(TableConnectionString parsed, TableClientOptions? options)
        : this(parsed.Endpoint, parsed.Credential, options) { }

    public Uri Uri => _pipeline.Endpoint;

    public TableClient GetTableClient(string tableName) => new(_pipeline, tableName);

    /// <summary>Creates the table; 409 TableAlreadyExists if it exists.</summary>
    public Task<Response> CreateTableAsync(string tableName, CancellationToken cancellationToken = default) =>
        CreateAsync(_pipeline, tableName, ifNotExists: false, cancellationToken);

    public Task<Response> CreateTableIfNotExistsAsync(string tableName, CancellationToken cancellationToken = default) =>
        CreateAsync(_pipeline, tableName, ifNotExists: true, cancellationToken);

    public async Task<Response> DeleteTableAsync(string tableName, CancellationToken cancellationToken = default)
    {
        using var message = _pipeline.CreateMessage(RequestMethod.Delete, $"/Tables('{Uri.EscapeDataString(tableName)}')");
        return await _pipeline.SendAsync(message, cancellationToken, 204, 404).ConfigureAwait(false);
    }

    internal static async Task<Response> CreateAsync(TablePipeline pipeline, string tableName, bool ifNotExists, CancellationToken cancellationToken)
    {
        using var message = pipeline.CreateMessage(RequestMethod.Post, "/Tables");
        message.Request.Headers.SetValue("Content-Type", "application/json");
        message.Request.Headers.SetValue("Prefer", "return-no-content");
        message.Request.Content = RequestContent.Create(JsonSerializer.SerializeToUtf8Bytes(new Dictionary<string, string> { ["TableName"] = tableName }));
        int[] ok = ifNotExists ? [201, 204, 409] : [201, 204];
        return await pipeline.SendAsync(message, cancellationToken, ok).ConfigureAwait(false);
    }
}
