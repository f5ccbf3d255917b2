using System.Text.Json;
using EngageBot.Features.Interactions;
using EngageBot.Storage.Sqlite;
using EngageBot.TestSupport;

namespace EngageBot.Tests.Interactions;

public sealed class InteractionsListCommandTests : IDisposable
{
    private static readonly DateTimeOffset Now = new(2026, 11, 20, 12, 0, 0, TimeSpan.Zero);
    private readonly TempDirectory _dir = new();
    private readonly InteractionStore _log;
    private readonly InteractionsListCommand _command;

    public InteractionsListCommandTests()
    {
        _log = new InteractionStore(new SqliteRecordStore(_dir.File("cli.db")));
        _command = new InteractionsListCommand(_log, new ManualTimeProvider(Now));
    }

    public void Dispose() => _dir.Dispose();

    private Task<(int Code, string Out, string Err)> RunAsync(params string[] args) => CliRun.RunAsync(_command, args);

    private Task SeedAsync() => _log.AppendManyAsync(
    [
        InteractionLogConformanceTests.Message("acme", "old", Now.AddDays(-10), "too old"),
        InteractionLogConformanceTests.Message("acme", "a1", Now.AddDays(-2), "Where is my\nquote?"),
        InteractionLogConformanceTests.Message("globex", "g1", Now.AddHours(-3), "hi"),
        InteractionLogConformanceTests.Message("acme", "a2", Now.AddHours(-1), new string('x', 200)),
    ]);

    [Fact]
    public async Task Lists_the_last_seven_days_for_all_partners_as_a_table_by_default()
    {
        await SeedAsync();
        var (code, output, _) = await RunAsync();

        Assert.Equal(0, code);
        var lines = output.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.StartsWith("3 interaction(s) for all partners since 2026-11-13 12:00:00Z", lines[0]);
        Assert.StartsWith("TIME (UTC)", lines[1]);
        Assert.Contains("Where is my quote?", lines[2]);
        Assert.Contains("globex", lines[3]);
        Assert.Contains("…", lines[4]);
        Assert.DoesNotContain("too old", output);
    }

    [Fact]
    public async Task Filters_by_partner_and_relative_since_and_prints_one_json_array()
    {
        await SeedAsync();
        var (code, output, _) = await RunAsync("--partner", "acme", "--since", "24h", "--json");

        Assert.Equal(0, code);
        var items = JsonDocument.Parse(output).RootElement.EnumerateArray().ToList();
        var item = Assert.Single(items);
        Assert.Equal("a2", item.GetProperty("messageId").GetString());
        Assert.Equal("Slack", item.GetProperty("platform").GetString());
        Assert.Equal("Inbound", item.GetProperty("direction").GetString());
    }

    [Fact]
    public async Task Accepts_an_ISO_8601_since()
    {
        await SeedAsync();
        var (code, output, _) = await RunAsync("--since", "2026-11-01", "--json");
        Assert.Equal(0, code);
        Assert.Equal(4, JsonDocument.Parse(output).RootElement.GetArrayLength());
    }

    [Theory]
    [InlineData("--since", "yesterday")]
    [InlineData("--bogus")]
    [InlineData("--partner")]
    public async Task Bad_arguments_are_a_usage_error_with_a_clear_message(params string[] args)
    {
        var (code, output, error) = await RunAsync(args);
        Assert.Equal(2, code);
        Assert.Equal("", output);
        Assert.Contains("interactions list", error);
    }

    [Fact]
    public async Task An_empty_log_says_so()
    {
        var (code, output, _) = await RunAsync("--partner", "nobody");
        Assert.Equal(0, code);
        Assert.StartsWith("0 interaction(s) for partner nobody", output);
    }
}
