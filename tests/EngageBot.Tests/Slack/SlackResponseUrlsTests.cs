using EngageBot.Channels.Slack;
using EngageBot.Storage.Sqlite;
using EngageBot.TestSupport;
using Microsoft.Extensions.Logging.Abstractions;

namespace EngageBot.Tests.Slack;

/// <summary>A command's response_url is used within Slack's limits only: 30 minutes, 5 answers, https (or loopback).</summary>
public sealed class SlackResponseUrlsTests : IDisposable
{
    private readonly TempDirectory _temp = new();
    private readonly SqliteRecordStore _store;
    private readonly ManualTimeProvider _time = new(new DateTimeOffset(2026, 11, 2, 9, 0, 0, TimeSpan.Zero));
    private readonly SlackResponseUrls _urls;

    public SlackResponseUrlsTests()
    {
        _store = new SqliteRecordStore(_temp.File("urls.db"));
        _urls = new SlackResponseUrls(_store, _time, NullLogger<SlackResponseUrls>.Instance);
    }

    public void Dispose()
    {
        _store.Dispose();
        _temp.Dispose();
    }

    [Fact]
    public async Task A_response_url_answers_five_times_then_no_more()
    {
        await _urls.RememberAsync("D0DM", "U1", "https://hooks.slack.com/commands/T0/1/a", default);

        for (var i = 0; i < 5; i++)
            Assert.Equal(new Uri("https://hooks.slack.com/commands/T0/1/a"), await _urls.TakeAsync("D0DM", "U1", default));
        Assert.Null(await _urls.TakeAsync("D0DM", "U1", default));
    }

    [Fact]
    public async Task A_response_url_expires_after_thirty_minutes_and_belongs_to_its_user_and_channel()
    {
        await _urls.RememberAsync("C0CHAN", "U1", "https://hooks.slack.com/commands/T0/1/b", default);

        Assert.Null(await _urls.TakeAsync("C0CHAN", "U2", default));
        Assert.Null(await _urls.TakeAsync("C0OTHER", "U1", default));
        _time.Advance(TimeSpan.FromMinutes(31));
        Assert.Null(await _urls.TakeAsync("C0CHAN", "U1", default));
    }

    [Theory]
    [InlineData("http://hooks.example.test/commands/1")]
    [InlineData("not a url")]
    [InlineData("file:///etc/passwd")]
    public async Task Anything_but_an_https_url_is_never_called(string url)
    {
        await _urls.RememberAsync("C0CHAN", "U1", url, default);

        Assert.Null(await _urls.TakeAsync("C0CHAN", "U1", default));
    }
}
