using EngageBot.Ai;
using EngageBot.Hosting;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace EngageBot.Tests.Ai;

public sealed class AiOptionsTests
{
    private static IServiceProvider Build(params string[] settings)
    {
        var builder = WebApplication.CreateBuilder([.. settings.Select(s => "--EngageBot:AI:" + s)]);
        builder.AddEngageBot();
        return builder.Build().Services;
    }

    [Theory]
    [InlineData("EngageBot:AI:Endpoint must be an absolute http(s) URL", "Endpoint=openai.azure.com", "ApiKey=k", "Model=m")]
    [InlineData("EngageBot:AI:Model (or Deployment) is required when EngageBot:AI:Endpoint is set", "Endpoint=https://x/v1/", "ApiKey=k")]
    [InlineData("EngageBot:AI:ApiKey is required when EngageBot:AI:Endpoint is set, unless UseEntraId is true", "Endpoint=https://x/v1/", "Model=m")]
    [InlineData("EngageBot:AI: set ApiKey or UseEntraId, not both", "Endpoint=https://x/v1/", "Model=m", "ApiKey=k", "UseEntraId=true")]
    [InlineData("EngageBot:AI:Timeout must be positive", "Timeout=00:00:00")]
    public void Invalid_settings_stop_start_up_naming_the_key(string message, params string[] settings)
    {
        var services = Build(settings);

        var error = Assert.Throws<OptionsValidationException>(() => services.GetRequiredService<IOptions<AiOptions>>().Value);
        Assert.Contains(error.Failures, f => f.StartsWith(message, StringComparison.Ordinal));
    }

    [Fact]
    public void No_endpoint_is_valid_and_asking_for_the_chat_client_then_says_what_to_set()
    {
        var services = Build();

        Assert.False(services.GetRequiredService<IOptions<AiOptions>>().Value.IsConfigured);
        var error = Assert.Throws<InvalidOperationException>(() => services.GetRequiredService<IChatClient>());
        Assert.Contains("EngageBot:AI:Endpoint", error.Message);
    }

    [Theory]
    [InlineData("https://contoso.openai.azure.com/", AiService.Auto, true)]
    [InlineData("https://contoso.cognitiveservices.azure.com/openai/v1/", AiService.Auto, true)]
    [InlineData("https://api.openai.com/v1", AiService.Auto, false)]
    [InlineData("http://127.0.0.1:8080/", AiService.AzureOpenAI, true)]
    [InlineData("https://contoso.openai.azure.com/openai/v1/", AiService.OpenAI, false)]
    public void Azure_OpenAI_is_recognised_by_host_unless_the_service_is_named(string endpoint, AiService service, bool azure)
    {
        Assert.Equal(azure, new AiOptions { Endpoint = endpoint, Service = service }.UsesAzureOpenAI);
    }
}
