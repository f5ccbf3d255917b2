using EngageBot.Features.ChurnRisk.Detection;
using EngageBot.Hosting;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace EngageBot.Tests.ChurnRisk;

public sealed class ChurnDetectionOptionsTests
{
    private const string AzureModel = "--EngageBot:AI:Endpoint=https://example.openai.azure.com/ --EngageBot:AI:ApiKey=k --EngageBot:AI:Deployment=gpt-4o-mini";

    private static IServiceProvider Build(params string[] settings)
    {
        var args = settings.SelectMany(s => s.StartsWith("--", StringComparison.Ordinal) ? s.Split(' ') : ["--EngageBot:ChurnRisk:Detection:" + s]);
        var builder = WebApplication.CreateBuilder([.. args]);
        builder.AddEngageBot();
        return builder.Build().Services;
    }

    [Fact]
    public void Rules_is_the_default_detector()
    {
        Assert.IsType<RulesChurnDetector>(Build().GetRequiredService<IChurnDetector>());
    }

    [Fact]
    public void OpenAI_with_a_configured_model_is_the_configured_detector_on_the_shared_chat_client()
    {
        var services = Build("Provider=OpenAI", AzureModel);

        Assert.IsType<OpenAiChurnDetector>(services.GetRequiredService<IChurnDetector>());
        Assert.Same(services.GetRequiredService<IChatClient>(), services.GetRequiredService<IChatClient>());
    }

    [Theory]
    [InlineData("EngageBot:ChurnRisk:Detection:Provider is OpenAI, which needs a model: set EngageBot:AI:Endpoint", "Provider=OpenAI")]
    [InlineData("EngageBot:ChurnRisk:Detection:CandidateMinScore and CandidateMaxScore must satisfy 0 <= min <= max <= 1", "CandidateMinScore=0.9", "CandidateMaxScore=0.2")]
    [InlineData("EngageBot:ChurnRisk:Detection:DailyCallBudget must be 0 or more", "DailyCallBudget=-1")]
    public void Invalid_settings_stop_start_up_naming_the_key(string message, params string[] settings)
    {
        var services = Build(settings);

        var error = Assert.Throws<OptionsValidationException>(() => services.GetRequiredService<IOptions<ChurnDetectionOptions>>().Value);
        Assert.Contains(error.Failures, f => f.StartsWith(message, StringComparison.Ordinal));
    }
}
