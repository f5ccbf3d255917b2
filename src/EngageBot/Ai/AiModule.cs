using Azure.Identity;
using EngageBot.Hosting;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.Options;

namespace EngageBot.Ai;

public static class AiModule
{
    /// <summary>
    /// One IChatClient for every feature that asks a model, built on first use from EngageBot:AI. Not wrapped in
    /// Microsoft.Extensions.AI's logging client: that logs whole messages at Trace, and partner text stays out of logs.
    /// </summary>
    public static WebApplicationBuilder AddAi(this WebApplicationBuilder builder)
    {
        builder.Services.AddValidatedOptions<AiOptions>(AiOptions.Section);
        builder.Services.AddChatClient(sp =>
        {
            var options = sp.GetRequiredService<IOptions<AiOptions>>().Value;
            return ChatClientFactory.Create(options, options.UseEntraId ? new DefaultAzureCredential() : null);
        });
        return builder;
    }
}
