using System.ComponentModel.DataAnnotations;
using EngageBot.Channels.Slack;

namespace EngageBot.Tests.Slack;

public sealed class SlackOptionsTests
{
    private static List<string> Errors(SlackOptions options) =>
        options.Validate(new ValidationContext(options)).Select(r => r.ErrorMessage!).ToList();

    [Fact]
    public void Slack_is_off_and_valid_when_nothing_is_configured()
    {
        var options = new SlackOptions();
        Assert.False(options.Enabled);
        Assert.Empty(Errors(options));
    }

    [Fact]
    public void A_bot_token_without_a_signing_secret_names_the_missing_key()
    {
        var error = Assert.Single(Errors(new SlackOptions { BotToken = "xoxb-1" }));
        Assert.StartsWith("EngageBot:Slack:SigningSecret is required when EngageBot:Slack:BotToken is set", error);
    }

    [Fact]
    public void A_signing_secret_without_a_bot_token_names_the_missing_key()
    {
        Assert.Equal("EngageBot:Slack:BotToken is required when EngageBot:Slack:SigningSecret is set.", Assert.Single(Errors(new SlackOptions { SigningSecret = "s" })));
    }

    [Fact]
    public void Socket_mode_needs_an_app_token_but_no_signing_secret()
    {
        Assert.Contains("EngageBot:Slack:AppToken", Assert.Single(Errors(new SlackOptions { BotToken = "xoxb-1", UseSocketMode = true })));
        Assert.Empty(Errors(new SlackOptions { BotToken = "xoxb-1", UseSocketMode = true, AppToken = "xapp-1" }));
    }

    [Fact]
    public void The_api_base_url_must_be_absolute()
    {
        Assert.Contains("EngageBot:Slack:ApiBaseUrl", Assert.Single(Errors(new SlackOptions { BotToken = "x", SigningSecret = "s", ApiBaseUrl = "slack/api" })));
    }
}
