using System.Collections.Concurrent;
using System.Text.Json.Nodes;
using EngageBot.TestSupport;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace EngageBot.Tests.ChurnRisk;

/// <summary>
/// An OpenAI-compatible chat completions endpoint on loopback (real Kestrel): answers POST /chat/completions under
/// the root, /v1, Azure's /openai/v1 and Azure's deployment path /openai/deployments/{deployment} (api-version query),
/// records each request, and replies with whatever the test scripts.
/// </summary>
public sealed class FakeOpenAiServer : IAsyncDisposable
{
    private readonly WebApplication _app;

    private FakeOpenAiServer(WebApplication app, int port)
    {
        _app = app;
        Root = $"http://127.0.0.1:{port}/";
    }

    public string Root { get; }

    /// <summary>The Azure OpenAI v1-shaped base URL.</summary>
    public string AzureV1Endpoint => Root + "openai/v1/";

    /// <summary>Stands for an Azure OpenAI resource (https://RESOURCE.openai.azure.com/): AzureOpenAIClient adds /openai/deployments/….</summary>
    public string AzureResourceEndpoint => Root;

    public ConcurrentQueue<RecordedRequest> Requests { get; } = new();

    /// <summary>The reply to the next requests; by default a valid "none" verdict.</summary>
    public Func<RecordedRequest, Task<IResult>> Respond { get; set; } = _ => Task.FromResult(Completion("""{"kind":"none","severity":null,"customer":null,"score":0.1,"reasons":["nothing"]}"""));

    public static async Task<FakeOpenAiServer> StartAsync()
    {
        var port = FreePort.Next();
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls($"http://127.0.0.1:{port}");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        var server = new FakeOpenAiServer(app, port);
        foreach (var path in new[] { "/chat/completions", "/v1/chat/completions", "/openai/v1/chat/completions", "/openai/deployments/{deployment}/chat/completions" })
            app.MapPost(path, async (HttpContext context) =>
            {
                var body = await new StreamReader(context.Request.Body).ReadToEndAsync();
                var request = new RecordedRequest(context.Request.Path, context.Request.QueryString.Value ?? "", context.Request.Headers.Authorization.ToString(),
                    context.Request.Headers["api-key"].ToString(), JsonNode.Parse(body)!.AsObject(), context.RequestAborted);
                server.Requests.Enqueue(request);
                return await server.Respond(request);
            });
        await app.StartAsync();
        return server;
    }

    /// <summary>A chat completion whose assistant message content is <paramref name="content"/>.</summary>
    public static IResult Completion(string content) => Results.Json(new JsonObject
    {
        ["id"] = "chatcmpl-fake",
        ["object"] = "chat.completion",
        ["created"] = 1_700_000_000,
        ["model"] = "fake-model",
        ["choices"] = new JsonArray(new JsonObject
        {
            ["index"] = 0,
            ["message"] = new JsonObject { ["role"] = "assistant", ["content"] = content },
            ["finish_reason"] = "stop",
        }),
        ["usage"] = new JsonObject { ["prompt_tokens"] = 10, ["completion_tokens"] = 10, ["total_tokens"] = 20 },
    });

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}

public sealed record RecordedRequest(string Path, string Query, string Authorization, string ApiKey, JsonObject Body, CancellationToken Aborted)
{
    public JsonArray Messages => Body["messages"]!.AsArray();

    public string SystemContent => Content(Messages[0]!);

    public string UserContent => Content(Messages[1]!);

    // The SDK may send content as a string or as an array of text parts.
    private static string Content(JsonNode message) => message["content"] switch
    {
        JsonValue v => v.GetValue<string>(),
        JsonArray parts => string.Concat(parts.Select(p => p!["text"]!.GetValue<string>())),
        _ => "",
    };
}
