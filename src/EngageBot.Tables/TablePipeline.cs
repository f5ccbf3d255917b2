using Azure;
using Azure.Core;
using Azure.Core.Pipeline;

namespace EngageBot.Tables;

/// <summary>The Azure.Core pipeline (retries, logging, auth) plus the headers every Table request carries.</summary>
internal sealed class TablePipeline(HttpPipeline pipeline, Uri endpoint, TableClientOptions options)
{
    public Uri Endpoint { get; } = new(endpoint.ToString().TrimEnd('/'));

    public static TablePipeline Create(Uri endpoint, TableSharedKeyCredential credential, TableClientOptions? options)
    {
        options ??= new TableClientOptions();
        return new(HttpPipelineBuilder.Build(options, [], [new TableSharedKeyPipelinePolicy(credential, options.TimeProvider)], new ResponseClassifier()), endpoint, options);
    }

    public static TablePipeline Create(Uri endpoint, TokenCredential credential, TableClientOptions? options)
    {
        options ??= new TableClientOptions();
        return new(HttpPipelineBuilder.Build(options, [], [new BearerTokenAuthenticationPolicy(credential, options.Audience)], new ResponseClassifier()), endpoint, options);
    }

    public HttpMessage CreateMessage(RequestMethod method, string encodedPath)
    {
        var message = pipeline.CreateMessage();
        var request = message.Request;
        request.Method = method;
        request.Uri.Reset(Endpoint);
        request.Uri.AppendPath(encodedPath, escape: false);
        request.Headers.SetValue("x-ms-version", options.ServiceVersion);
        request.Headers.SetValue("DataServiceVersion", "3.0");
        request.Headers.SetValue("Accept", "application/json;odata=minimalmetadata");
        return message;
    }

    /// <summary>Sends and returns the response, throwing RequestFailedException unless the status is one of <paramref name="expected"/>.</summary>
    public async Task<Response> SendAsync(HttpMessage message, CancellationToken cancellationToken, params int[] expected)
    {
        await pipeline.SendAsync(message, cancellationToken).ConfigureAwait(false);
        var response = message.Response;
        return expected.Contains(response.Status) ? response : throw TableErrors.From(response);
    }
}
