using EngageBot.Features.ChurnRisk.Detection;
using EngageBot.Hosting;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace EngageBot.Tests.ChurnRisk;

public sealed class ChurnDetectionOptionsTests
{
    private static IServiceProvider Build(params string[] settings)
    {
        var builder = WebApplication.CreateBuilder([.. settings.Select(s => "--EngageBot:ChurnRisk:Detection:" + s)]);
        builder.AddEngageBot();
        return builder.Build().Services;
    }

    [Fact]
    public void The_embedding_detector_is_the_default_and_the_rules_alone_stay_available()
    {
        Assert.IsType<EmbeddingChurnDetector>(Build().GetRequiredService<IChurnDetector>());
        Assert.IsType<RulesChurnDetector>(Build("Provider=Rules").GetRequiredService<IChurnDetector>());
    }

    [Fact]
    public void OpenAI_with_endpoint_key_and_deployment_is_the_configured_detector()
    {
        var services = Build("Provider=OpenAI", "Endpoint=https://example.openai.azure.com/openai/v1/", "ApiKey=k", "Deployment=gpt-4o-mini");

        Assert.IsType<OpenAiChurnDetector>(services.GetRequiredService<IChurnDetector>());
    }

    [Theory]
    [InlineData("EngageBot:ChurnRisk:Detection:Endpoint is required when Provider is OpenAI", "Provider=OpenAI", "ApiKey=k", "Model=m")]
    [InlineData("EngageBot:ChurnRisk:Detection:Endpoint must be an absolute http(s) URL", "Provider=OpenAI", "Endpoint=openai.azure.com", "ApiKey=k", "Model=m")]
    [InlineData("EngageBot:ChurnRisk:Detection:Model (or Deployment) is required when Provider is OpenAI", "Provider=OpenAI", "Endpoint=https://x/v1/", "ApiKey=k")]
    [InlineData("EngageBot:ChurnRisk:Detection:ApiKey is required when Provider is OpenAI, unless UseEntraId is true", "Provider=OpenAI", "Endpoint=https://x/v1/", "Model=m")]
    [InlineData("EngageBot:ChurnRisk:Detection: set ApiKey or UseEntraId, not both", "Provider=OpenAI", "Endpoint=https://x/v1/", "Model=m", "ApiKey=k", "UseEntraId=true")]
    [InlineData("EngageBot:ChurnRisk:Detection:ClassifierPath: file not found: no/such/classifier.json", "ClassifierPath=no/such/classifier.json")]
    [InlineData("EngageBot:ChurnRisk:Detection:CandidateMinScore and CandidateMaxScore must satisfy 0 <= min <= max <= 1", "CandidateMinScore=0.9", "CandidateMaxScore=0.2")]
    [InlineData("EngageBot:ChurnRisk:Detection:DailyCallBudget must be 0 or more", "DailyCallBudget=-1")]
    public void Invalid_settings_stop_start_up_naming_the_key(string message, params string[] settings)
    {
        var services = Build(settings);

        var error = Assert.Throws<OptionsValidationException>(() => services.GetRequiredService<IOptions<ChurnDetectionOptions>>().Value);
        Assert.Contains(error.Failures, f => f.StartsWith(message, StringComparison.Ordinal));
    }
}
