using System.Text.Json;
using System.Text.Json.Nodes;
using EngageBot.Cli;
using EngageBot.Features.Directory;
using EngageBot.Features.Directory.Import;
using EngageBot.Hosting;
using EngageBot.TestSupport;

namespace EngageBot.Tests.Directory;

/// <summary>The partners verbs run in-process through the real host and CLI dispatcher, on a temp SQLite store.</summary>
public sealed class PartnersCliTests : IAsyncLifetime
{
    private readonly TempDirectory _temp = new();
    private WebApplication _app = null!;

    public async Task InitializeAsync()
    {
        var builder = WebApplication.CreateBuilder([$"--EngageBot:Storage:DataDirectory={_temp.Path}"]);
        builder.Logging.ClearProviders();
        builder.AddEngageBot();
        _app = builder.Build();
        await Task.CompletedTask;
    }

    public async Task DisposeAsync()
    {
        await _app.DisposeAsync();
        _temp.Dispose();
    }

    private Task<(int Code, string Out, string Err)> RunAsync(params string[] args) => CliRun.DispatchAsync(_app.Services, args);

    [Fact]
    public async Task Import_then_list_json_round_trips_the_sample()
    {
        var (exit, output, _) = await RunAsync("partners", "import", DirectoryYaml.SamplePath);
        Assert.Equal(0, exit);
        Assert.Contains("4 partners added", output);

        var list = await RunAsync("partners", "list", "--json");

        Assert.Equal(0, list.Code);
        var expected = JsonSerializer.SerializeToNode(DirectoryFileParser.Parse(DirectoryYaml.Sample).Content!.Partners, DirectoryJson.Options);
        Assert.True(JsonNode.DeepEquals(expected, JsonNode.Parse(list.Out)), list.Out);
        Assert.Equal("Tulip Systems B.V.", JsonNode.Parse(list.Out)!.AsArray().Single(p => (string?)p!["id"] == "tulip-systems")!["name"]!.GetValue<string>());
    }

    [Fact]
    public async Task Second_import_of_the_same_file_reports_no_changes()
    {
        await RunAsync("partners", "import", DirectoryYaml.SamplePath);

        var (exit, output, error) = await RunAsync("partners", "import", DirectoryYaml.SamplePath);

        Assert.Equal((0, "no changes", ""), (exit, output.Trim(), error));
    }

    [Fact]
    public async Task Bad_file_exits_1_with_every_error_on_stderr_and_imports_nothing()
    {
        var path = _temp.File("partners.yaml");
        await File.WriteAllTextAsync(path, DirectoryYaml.Minimal
            .Replace("owner: jdoe\n    slack", "owner: nobody\n    slack", StringComparison.Ordinal)
            .Replace("timezone: Europe/Berlin", "timezone: Europe/Atlantis", StringComparison.Ordinal));

        var (exit, output, error) = await RunAsync("partners", "import", path);

        Assert.Equal(1, exit);
        Assert.Equal("", output);
        Assert.Equal(
        [
            $"{path}:14:15: partner 'acme': 'timezone' 'Europe/Atlantis' is not an IANA time zone (e.g. Europe/Berlin)",
            $"{path}:16:12: partner 'acme' has unknown owner 'nobody'",
            "2 errors; nothing was imported.",
        ], error.TrimEnd().Split(Environment.NewLine));
        Assert.Contains("no partners", (await RunAsync("partners", "list")).Out);
    }

    [Fact]
    public async Task Missing_file_exits_1_and_missing_argument_exits_2()
    {
        Assert.Equal(1, (await RunAsync("partners", "import", _temp.File("absent.yaml"))).Code);
        Assert.Equal(2, (await RunAsync("partners", "import")).Code);
        Assert.Equal(2, (await RunAsync("partners", "list", "--yaml")).Code);
    }

    [Fact]
    public async Task List_prints_a_table_with_owner_names()
    {
        await RunAsync("partners", "import", DirectoryYaml.SamplePath);

        var (exit, output, _) = await RunAsync("partners", "list");

        Assert.Equal(0, exit);
        var lines = output.TrimEnd().Split(Environment.NewLine);
        Assert.StartsWith("ID", lines[0]);
        Assert.Equal(5, lines.Length);
        Assert.Matches(@"^northwind\s+Northwind Cloud Partners\s+strategic\s+America/New_York\s+Priya Nair\s+weekly\s+slack:2\s+2$", lines[2]);
        Assert.Matches(@"^sakura-digital .* slack:1 teams:1\s+1$", lines[3]);
    }

    [Fact]
    public async Task Show_prints_owner_names_channels_customers_sla_and_calendar()
    {
        await RunAsync("partners", "import", DirectoryYaml.SamplePath);

        var (exit, output, _) = await RunAsync("partners", "show", "tulip-systems");

        Assert.Equal(0, exit);
        Assert.Contains("Tulip Systems B.V. (tulip-systems)", output);
        Assert.Contains("owner:             Lena Vogel (lena.vogel, lena.vogel@example.com)", output);
        Assert.Contains("backup owner:      Ana Lima (ana.lima, ana.lima@example.com)", output);
        Assert.Contains("channels:        19:3c0f8a1b2d4e4f6a8b9c0d1e2f3a4b5c@thread.tacv2", output);
        Assert.Contains("tenant ids:      a1b2c3d4-e5f6-4a7b-8c9d-0e1f2a3b4c5d", output);
        Assert.Contains("customers:         Fabrikam Manufacturing (fabrikam)", output);
        Assert.Contains("normal:          first response 8h, next response 16h, resolution 80h", output);
        Assert.Contains("calendar:          amsterdam: Europe/Amsterdam, Mon Tue Wed Thu Fri 09:00-17:30, 4 holidays", output);
        Assert.Contains("ticket mode:       all top-level messages", output);
    }

    [Fact]
    public async Task Show_json_resolves_people_and_customers()
    {
        await RunAsync("partners", "import", DirectoryYaml.SamplePath);

        var (exit, output, _) = await RunAsync("partners", "show", "northwind", "--json");

        Assert.Equal(0, exit);
        var json = JsonNode.Parse(output)!;
        Assert.Equal("northwind", (string?)json["partner"]!["id"]);
        Assert.Equal("Priya Nair", (string?)json["owner"]!["name"]);
        Assert.Equal("Elena Ortiz", (string?)json["executive_sponsor"]!["name"]);
        Assert.Equal(["A. Datum Corporation", "Contoso Retail Group"], json["customers"]!.AsArray().Select(c => (string?)c!["name"]));
        Assert.Equal("strategic", (string?)json["sla_policy"]!["tier"]);
        Assert.Equal("America/New_York", (string?)json["calendar"]!["timezone"]);
    }

    [Fact]
    public async Task Show_unknown_partner_exits_1()
    {
        await RunAsync("partners", "import", DirectoryYaml.SamplePath);

        var (exit, _, error) = await RunAsync("partners", "show", "initech");

        Assert.Equal(1, exit);
        Assert.Contains("no partner with id 'initech'", error);
    }

    [Fact]
    public void Module_registers_one_cached_reader_behind_both_read_ports_and_the_link_action()
    {
        var lookup = _app.Services.GetRequiredService<IDirectoryLookup>();

        Assert.Same(lookup, _app.Services.GetRequiredService<IPartnerDirectory>());
        Assert.Contains(_app.Services.GetServices<EngageBot.Channels.ICardActionHandler>(), h => h.Verbs.Contains("channel.link"));
        Assert.Equal(["partners import", "partners list", "partners show"],
            _app.Services.GetServices<ICliCommand>().Select(c => c.Verb).Where(v => v.StartsWith("partners", StringComparison.Ordinal)).Order());
    }
}
