using System.Text.Json;
using EngageBot.Channels;
using EngageBot.Features.Feedback;
using EngageBot.Features.Feedback.Cli;
using EngageBot.Storage.Sqlite;
using EngageBot.TestSupport;

namespace EngageBot.Tests.Feedback;

public sealed class FeedbackListCommandTests : IDisposable
{
    private static readonly DateTimeOffset Now = new(2026, 11, 20, 12, 0, 0, TimeSpan.Zero);
    private readonly TempDirectory _dir = new();
    private readonly FeedbackStore _store;
    private readonly FeedbackListCommand _command;

    public FeedbackListCommandTests()
    {
        _store = new FeedbackStore(new SqliteRecordStore(_dir.File("cli.db")));
        _command = new FeedbackListCommand(_store, new ManualTimeProvider(Now));
    }

    public void Dispose() => _dir.Dispose();

    private Task<(int Code, string Out, string Err)> RunAsync(params string[] args) => CliRun.RunAsync(_command, args);

    private async Task SeedAsync()
    {
        await _store.SaveAsync(FeedbackStoreConformanceTests.Entry("acme", "T-old", Now.AddDays(-40), text: "too old"));
        await _store.SaveAsync(FeedbackStoreConformanceTests.Entry("acme", "T-1", Now.AddDays(-2), rating: 2, text: "Slow\nanswer"));
        await _store.SaveAsync(FeedbackStoreConformanceTests.Entry("globex", "T-2", Now.AddHours(-3), rating: 5, text: "Great"));
        await _store.SaveAsync(new FeedbackEntry("fb-logged", "acme", FeedbackSource.LoggedMessage, "Slack|C1|1.2", null, FeedbackCategory.Commercial,
            "Pricing is confusing", null, new FeedbackPerson(ChatPlatform.Slack, "U9", "Olivia Owner"), Now.AddHours(-1)));
    }

    [Fact]
    public async Task Lists_the_last_thirty_days_for_all_partners_newest_first_as_a_table()
    {
        await SeedAsync();

        var (code, output, _) = await RunAsync();

        Assert.Equal(0, code);
        var lines = output.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.StartsWith("3 feedback entries for all partners since 2026-10-21", lines[0]);
        Assert.Contains("Pricing is confusing", lines[2]);
        Assert.Contains("Olivia Owner", lines[2]);
        Assert.Contains("Great", lines[3]);
        Assert.Contains("2/5", lines[4]);
        Assert.Contains("Slow answer", lines[4]);
        Assert.DoesNotContain("too old", output);
    }

    [Fact]
    public async Task Filters_by_partner_and_since_and_prints_json()
    {
        await SeedAsync();

        var (code, output, _) = await RunAsync("--partner", "acme", "--since", "1d", "--json");

        Assert.Equal(0, code);
        var rows = JsonDocument.Parse(output).RootElement;
        var row = Assert.Single(rows.EnumerateArray());
        Assert.Equal("loggedMessage", row.GetProperty("source").GetString());
        Assert.Equal("commercial", row.GetProperty("category").GetString());
        Assert.Equal("Olivia Owner", row.GetProperty("loggedBy").GetProperty("displayName").GetString());
    }

    [Theory]
    [InlineData("--since", "yesterday")]
    [InlineData("--colour")]
    public async Task Bad_arguments_are_usage_errors(params string[] args)
    {
        var (code, _, error) = await RunAsync(args);

        Assert.Equal(2, code);
        Assert.StartsWith("feedback list:", error);
    }
}
