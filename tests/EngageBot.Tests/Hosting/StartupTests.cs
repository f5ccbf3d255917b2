using System.Net;
using EngageBot.TestSupport;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;

namespace EngageBot.Tests.Hosting;

public sealed class StartupTests : IDisposable
{
    private readonly TempDirectory _data = new();

    [Fact]
    public async Task Service_starts_on_the_embedded_default_with_no_setup()
    {
        await using var factory = new WebApplicationFactory<Program>().WithWebHostBuilder(b =>
            b.UseSetting("EngageBot:Storage:DataDirectory", _data.Path));
        using var client = factory.CreateClient();

        var response = await client.GetAsync("/healthz");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.True(File.Exists(Path.Combine(_data.Path, "engagebot.db")));
    }

    [Fact]
    public async Task A_bad_setting_stops_startup_with_one_line_naming_the_key()
    {
        var result = await EngageBotProcess.RunAsync(["partners", "list"], new()
        {
            ["EngageBot__Storage__Provider"] = "AzureTables",
            ["EngageBot__Storage__DataDirectory"] = _data.Path,
        });

        Assert.Equal(2, result.ExitCode);
        var line = Assert.Single(result.Error.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.Contains("EngageBot:Storage:ConnectionString", line);
    }

    [Fact]
    public async Task An_unparseable_setting_names_its_key()
    {
        var result = await EngageBotProcess.RunAsync(["partners", "list"], new()
        {
            ["EngageBot__Storage__Provider"] = "Floppy",
            ["EngageBot__Storage__DataDirectory"] = _data.Path,
        });

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("EngageBot:Storage:Provider", result.Error);
    }

    [Fact]
    public async Task An_unknown_verb_prints_usage_and_fails()
    {
        var result = await EngageBotProcess.RunAsync(["frobnicate"], new() { ["EngageBot__Storage__DataDirectory"] = _data.Path });

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("unknown command 'frobnicate'", result.Error);
        Assert.Contains("usage:", result.Error);
    }

    [Theory]
    [InlineData("--help")]
    [InlineData("-h")]
    [InlineData("help")]
    public async Task Help_prints_usage_instead_of_starting_the_service(string flag)
    {
        var result = await EngageBotProcess.RunAsync([flag], new() { ["EngageBot__Storage__DataDirectory"] = _data.Path });

        Assert.Equal(0, result.ExitCode);
        Assert.Contains("usage:", result.Output);
        Assert.Contains("engagebot partners import", result.Output);
        Assert.Contains("engagebot risks list", result.Output);
    }

    [Fact]
    public async Task Help_after_a_verb_prints_that_verbs_usage()
    {
        var result = await EngageBotProcess.RunAsync(["tickets", "list", "--help"], new() { ["EngageBot__Storage__DataDirectory"] = _data.Path });

        Assert.Equal(0, result.ExitCode);
        Assert.Contains("engagebot tickets list", result.Output);
        Assert.DoesNotContain("partners import", result.Output);
    }

    [Fact]
    public async Task A_slack_or_teams_configuration_error_does_not_block_offline_admin_verbs()
    {
        var result = await EngageBotProcess.RunAsync(["partners", "list"], new()
        {
            ["EngageBot__Slack__BotToken"] = "xoxb-only-half-configured",
            ["EngageBot__Teams__AppId"] = "00000000-0000-0000-0000-000000000001",
            ["EngageBot__Storage__DataDirectory"] = _data.Path,
        });

        Assert.Equal(0, result.ExitCode);
        Assert.Equal("", result.Error);
        Assert.Contains("no partners", result.Output);
    }

    [Fact]
    public async Task A_slack_configuration_error_still_stops_the_service()
    {
        var result = await EngageBotProcess.RunAsync(["serve", "--urls=http://127.0.0.1:0"], new()
        {
            ["EngageBot__Slack__BotToken"] = "xoxb-only-half-configured",
            ["EngageBot__Storage__DataDirectory"] = _data.Path,
        });

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("EngageBot:Slack:SigningSecret", result.Error);
    }

    [Fact]
    public async Task User_secrets_reach_the_service_outside_development_as_dotnet_run_starts_it()
    {
        // `dotnet user-secrets --project src/EngageBot set EngageBot:Slack:BotToken …` writes here (HOME points at a temp folder).
        var secrets = Path.Combine(_data.Path, "home", ".microsoft", "usersecrets", "engagebot-7d1f0c2e", "secrets.json");
        System.IO.Directory.CreateDirectory(Path.GetDirectoryName(secrets)!);
        await File.WriteAllTextAsync(secrets, """{ "EngageBot:Slack:BotToken": "xoxb-from-user-secrets" }""");

        var result = await EngageBotProcess.RunAsync(["serve", "--urls=http://127.0.0.1:0"], new()
        {
            ["HOME"] = Path.Combine(_data.Path, "home"),
            ["EngageBot__Storage__DataDirectory"] = _data.Path,
        });

        // The half-configured Slack from the secrets file is seen: the service refuses to start and says what is missing.
        Assert.Equal(2, result.ExitCode);
        Assert.Contains("EngageBot:Slack:SigningSecret is required", result.Error);
    }

    public void Dispose() => _data.Dispose();
}
