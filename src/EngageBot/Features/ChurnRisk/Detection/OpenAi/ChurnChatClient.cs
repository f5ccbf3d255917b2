using Microsoft.Extensions.AI;

namespace EngageBot.Features.ChurnRisk.Detection.OpenAi;

/// <summary>
/// One chat completion through the shared IChatClient (Azure OpenAI or any OpenAI-compatible endpoint, see
/// EngageBot:AI), asking for JSON that follows the churn schema with strict schema adherence.
/// </summary>
internal sealed class ChurnChatClient(IChatClient chat)
{
    // Microsoft.Extensions.AI.OpenAI turns this additional property into json_schema.strict = true.
    private const string StrictSchemaKey = "strict";

    /// <summary>The reply's text content (the JSON verdict, still unvalidated).</summary>
    public async Task<string?> CompleteAsync(string userData, CancellationToken cancellationToken)
    {
        ChatMessage[] messages = [new(ChatRole.System, ChurnPrompt.System), new(ChatRole.User, userData)];
        var options = new ChatOptions
        {
            ResponseFormat = ChatResponseFormat.ForJsonSchema(ChurnPrompt.Schema, ChurnPrompt.SchemaName),
            MaxOutputTokens = 400,
            AdditionalProperties = new() { [StrictSchemaKey] = true },
        };
        var response = await chat.GetResponseAsync(messages, options, cancellationToken);
        return response.Text;
    }
}
