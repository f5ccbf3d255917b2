using System.ClientModel;
using System.ClientModel.Primitives;
using Azure.Identity;
using OpenAI;
using OpenAI.Chat;

namespace EngageBot.Features.ChurnRisk.Detection.OpenAi;

/// <summary>
/// One chat completion against Azure OpenAI's v1 endpoint or any OpenAI-compatible base URL, with an API key or an
/// Entra ID bearer token (DefaultAzureCredential through System.ClientModel's BearerTokenPolicy), asking for JSON
/// that follows the churn schema (strict). No retries: a failure falls back to the rules at once.
/// </summary>
internal sealed class ChurnChatClient
{
    private readonly ChatClient _chat;

    public ChurnChatClient(ChurnDetectionOptions options)
    {
        var clientOptions = new OpenAIClientOptions
        {
            Endpoint = new Uri(options.Endpoint!),
            NetworkTimeout = options.Timeout,
            RetryPolicy = new ClientRetryPolicy(maxRetries: 0),
            UserAgentApplicationId = "engagebot",
        };
        // OpenAI 2.15 takes Entra ID tokens through its AuthenticationPolicy constructor, still flagged OPENAI001
        // (evaluation); it is the package's documented way to use DefaultAzureCredential with the v1 endpoint.
#pragma warning disable OPENAI001
        var client = options.UseEntraId
            ? new OpenAIClient(new BearerTokenPolicy(new DefaultAzureCredential(), options.EntraScope), clientOptions)
            : new OpenAIClient(new ApiKeyCredential(options.ApiKey!), clientOptions);
#pragma warning restore OPENAI001
        _chat = client.GetChatClient(options.EffectiveModel!);
    }

    /// <summary>The reply's text content (the JSON verdict, still unvalidated).</summary>
    public async Task<string?> CompleteAsync(string userData, CancellationToken cancellationToken)
    {
        ChatMessage[] messages = [new SystemChatMessage(ChurnPrompt.System), new UserChatMessage(userData)];
        var completionOptions = new ChatCompletionOptions
        {
            ResponseFormat = ChatResponseFormat.CreateJsonSchemaFormat(ChurnPrompt.SchemaName, ChurnPrompt.Schema, jsonSchemaIsStrict: true),
            MaxOutputTokenCount = 400,
        };
        ClientResult<ChatCompletion> result = await _chat.CompleteChatAsync(messages, completionOptions, cancellationToken);
        return result.Value.Content.FirstOrDefault(p => p.Kind == ChatMessageContentPartKind.Text)?.Text;
    }
}
