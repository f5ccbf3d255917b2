using System.ClientModel;
using System.ClientModel.Primitives;
using Azure.AI.OpenAI;
using Azure.Core;
using Microsoft.Extensions.AI;
using OpenAI;

namespace EngageBot.Ai;

/// <summary>
/// Builds the IChatClient for <see cref="AiOptions"/>: Azure OpenAI through Azure.AI.OpenAI's AzureOpenAIClient
/// (deployment URLs, api-key header or Entra ID), anything else through the OpenAI client (bearer key, or an Entra
/// ID token through System.ClientModel's BearerTokenPolicy). No retries: callers fall back at once instead.
/// </summary>
internal static class ChatClientFactory
{
    public static IChatClient Create(AiOptions options, TokenCredential? credential)
    {
        if (!options.IsConfigured)
            throw new InvalidOperationException($"No chat model is configured: set {AiOptions.Section}:Endpoint, Model and ApiKey (or UseEntraId).");
        var endpoint = new Uri(options.Endpoint!);
        var chat = options.UsesAzureOpenAI ? AzureChat(options, endpoint, credential) : OpenAiChat(options, endpoint, credential);
        return chat.AsIChatClient();
    }

    private static OpenAI.Chat.ChatClient AzureChat(AiOptions options, Uri endpoint, TokenCredential? credential)
    {
        var clientOptions = new AzureOpenAIClientOptions
        {
            NetworkTimeout = options.Timeout,
            RetryPolicy = new ClientRetryPolicy(maxRetries: 0),
            UserAgentApplicationId = "engagebot",
        };
        var resource = AzureResource(endpoint);
        var client = options.UseEntraId
            ? new AzureOpenAIClient(resource, credential ?? throw MissingCredential(), clientOptions)
            : new AzureOpenAIClient(resource, new ApiKeyCredential(options.ApiKey!), clientOptions);
        return client.GetChatClient(options.EffectiveModel!);
    }

    private static OpenAI.Chat.ChatClient OpenAiChat(AiOptions options, Uri endpoint, TokenCredential? credential)
    {
        var clientOptions = new OpenAIClientOptions
        {
            Endpoint = endpoint,
            NetworkTimeout = options.Timeout,
            RetryPolicy = new ClientRetryPolicy(maxRetries: 0),
            UserAgentApplicationId = "engagebot",
        };
        // OpenAI 2.15 takes Entra ID tokens through its AuthenticationPolicy constructor, still flagged OPENAI001.
#pragma warning disable OPENAI001
        var client = options.UseEntraId
            ? new OpenAIClient(new BearerTokenPolicy(credential ?? throw MissingCredential(), options.EntraScope), clientOptions)
            : new OpenAIClient(new ApiKeyCredential(options.ApiKey!), clientOptions);
#pragma warning restore OPENAI001
        return client.GetChatClient(options.EffectiveModel!);
    }

    private static ArgumentException MissingCredential() => new($"{AiOptions.Section}:UseEntraId needs a token credential.", "credential");

    /// <summary>AzureOpenAIClient wants the resource root; accept the v1 base URL (…/openai/v1/) admins may paste too.</summary>
    private static Uri AzureResource(Uri endpoint)
    {
        var path = endpoint.AbsolutePath.TrimEnd('/');
        var cut = path.EndsWith("/openai/v1", StringComparison.OrdinalIgnoreCase) ? path[..^"/openai/v1".Length]
            : path.EndsWith("/openai", StringComparison.OrdinalIgnoreCase) ? path[..^"/openai".Length]
            : path;
        return new UriBuilder(endpoint) { Path = cut + "/", Query = "" }.Uri;
    }
}
