using System.Text.Json.Nodes;
using EngageBot.Cli;
using EngageBot.Features.Directory.Import;
using EngageBot.Hosting;
using EngageBot.TestSupport;
using EngageBot.Tests.Directory;
using Microsoft.Extensions.DependencyInjection;

namespace EngageBot.Tests.CheckIns;

/// <summary>`checkins next` through the real host and CLI dispatcher, on the sample directory and a controlled clock.</summary>
public sealed class CheckInsNextCommandTests : IAsyncLifetime
{
    private readonly TempDirectory _temp = new();
    private WebApplication _app = null!;

    public async Task InitializeAsync()
    {
        var builder = WebApplication.CreateBuilder([$"--EngageBot:Storage:DataDirectory={_temp.Path}"]);
        builder.Logging.ClearProviders();
        builder.AddEngageBot();
        builder.Services.AddSingleton<TimeProvider>(new ManualTimeProvider(new DateTimeOffset(2026, 12, 7, 9, 0, 0, TimeSpan.Zero)));
        _app = builder.Build();
        Assert.True((await _app.Services.GetRequiredService<DirectoryImporter>().ImportAsync(DirectoryYaml.Sample)).Succeeded);
    }

    public async Task DisposeAsync()
    {
        await _app.DisposeAsync();
        _temp.Dispose();
    }

    private Task<(int Code, string Out, string Err)> RunAsync(params string[] args) => CliRun.DispatchAsync(_app.Services, args);

    [Fact]
    public async Task Json_gives_each_partners_next_check_in_in_UTC_and_local_time()
    {
        var (exit, output, _) = await RunAsync("checkins", "next", "--json");

        Assert.Equal(0, exit);
        var rows = JsonNode.Parse(output)!.AsArray().ToDictionary(r => (string)r!["partner_id"]!, r => r!);
        Assert.Equal(("2026-12-07T15:00:00Z", "2026-12-07T10:00"), ((string)rows["northwind"]["next_utc"]!, (string)rows["northwind"]["next_local"]!));
        // Biweekly from the onboarding week; 7 Dec 10:00 in Sydney has already passed at 09:00 UTC.
        Assert.Equal(("2026-12-20T23:00:00Z", "2026-12-21T10:00"), ((string)rows["kookaburra"]["next_utc"]!, (string)rows["kookaburra"]["next_local"]!));
        Assert.Equal(4, rows.Count);
    }

    [Fact]
    public async Task The_table_for_one_partner_shows_both_times()
    {
        var (exit, output, _) = await RunAsync("checkins", "next", "--partner", "northwind");

        Assert.Equal(0, exit);
        Assert.Contains("2026-12-07 15:00", output);
        Assert.Contains("2026-12-07 10:00", output);
        Assert.Contains("America/New_York", output);
        Assert.DoesNotContain("kookaburra", output);
    }

    [Fact]
    public async Task An_unknown_partner_is_an_error()
    {
        var (exit, _, error) = await RunAsync("checkins", "next", "--partner", "nope");
        Assert.Equal(1, exit);
        Assert.Contains("no partner 'nope'", error);
    }
}
