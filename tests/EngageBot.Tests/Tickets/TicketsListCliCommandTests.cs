using System.Text.Json;
using EngageBot.Features.Tickets.Commands;
using EngageBot.Features.Tickets.Lifecycle;
using EngageBot.TestSupport;

namespace EngageBot.Tests.Tickets;

public sealed class TicketsListCliCommandTests : IDisposable
{
    private readonly TempDirectory _dir = new();
    private readonly TicketTestHost _host;

    public TicketsListCliCommandTests() => _host = new TicketTestHost(_dir.File("tickets.db"), new ManualTimeProvider());

    private async Task<(int Code, string Out, string Err)> RunAsync(params string[] args)
    {
        var (output, error) = (new StringWriter(), new StringWriter());
        var code = await new TicketsListCliCommand(_host.Store).RunAsync(args, output, error, default);
        return (code, output.ToString(), error.ToString());
    }

    [Fact]
    public async Task Lists_open_tickets_of_all_partners_or_one_as_a_table_or_json()
    {
        await _host.PostAsync(TicketTestHost.Partner(), "How do I rotate the API key?");
        await _host.PostAsync(TicketTestHost.Partner("U-G"), "Where is the renewal quote?", channelId: "C-GLOBEX");
        var resolved = await _host.PostAsync(TicketTestHost.Partner("U-P3"), "Can you reset my password?");
        await _host.ReactAsync(TicketTestHost.Internal(), resolved, "white_check_mark");

        var all = await RunAsync();
        Assert.Equal(0, all.Code);
        Assert.Contains("acme", all.Out);
        Assert.Contains("globex", all.Out);
        Assert.DoesNotContain("reset my password", all.Out);

        var json = await RunAsync("--partner", "globex", "--json");
        var rows = JsonDocument.Parse(json.Out).RootElement;
        Assert.Equal(1, rows.GetArrayLength());
        Assert.Equal("Where is the renewal quote?", rows[0].GetProperty("question").GetString());
        Assert.True(rows[0].TryGetProperty("firstResponseDue", out _));
    }

    [Fact]
    public async Task Status_shows_resolved_and_closed_tickets_which_the_default_listing_hides()
    {
        await _host.PostAsync(TicketTestHost.Partner(), "How do I rotate the API key?");
        var resolved = await _host.PostAsync(TicketTestHost.Partner("U-P2"), "Can you reset my password?");
        await _host.ReactAsync(TicketTestHost.Internal(), resolved, "white_check_mark");
        var closed = await _host.PostAsync(TicketTestHost.Partner("U-P3"), "Where is the renewal quote?");
        var closedId = (await _host.TicketForAsync(closed)).Id;
        await _host.Store.UpdateAsync(closedId, t => t.Close(TicketParty.System, _host.Clock.GetUtcNow(), "test"));

        var done = await RunAsync("--status", "resolved,closed");
        var all = await RunAsync("--partner", "acme", "--status", "all", "--json");

        Assert.Equal(0, done.Code);
        Assert.DoesNotContain("rotate the API key", done.Out);
        Assert.Contains("reset my password", done.Out);
        Assert.Contains("renewal quote", done.Out);
        Assert.Contains("Closed", done.Out);
        var statuses = JsonDocument.Parse(all.Out).RootElement.EnumerateArray().Select(r => r.GetProperty("status").GetString()).Order().ToList();
        Assert.Equal(["Closed", "Open", "Resolved"], statuses);
        Assert.DoesNotContain("reset my password", (await RunAsync()).Out);
    }

    [Fact]
    public async Task Statuses_are_shown_and_filtered_in_the_words_of_the_card()
    {
        var message = await _host.PostAsync(TicketTestHost.Partner(), "How do I rotate the API key?");
        await _host.PostAsync(TicketTestHost.Internal(), "Looking into it", threadRoot: message);

        var table = await RunAsync("--status", "in-progress");
        var json = await RunAsync("--json");

        Assert.Contains("In progress", table.Out);
        Assert.Contains("rotate the API key", table.Out);
        Assert.Equal("In progress", JsonDocument.Parse(json.Out).RootElement[0].GetProperty("status").GetString());
        Assert.DoesNotContain("Responded", table.Out + json.Out);
    }

    [Fact]
    public async Task An_unknown_status_names_the_words_that_exist()
    {
        var result = await RunAsync("--status", "responded");

        Assert.Equal(2, result.Code);
        Assert.Contains("in-progress", result.Err);
    }

    [Fact]
    public async Task Unknown_arguments_are_a_usage_error()
    {
        var result = await RunAsync("--partner");
        Assert.Equal(2, result.Code);
        Assert.Contains("Usage: engagebot tickets list", result.Err);
    }

    public void Dispose()
    {
        _host.Dispose();
        _dir.Dispose();
    }
}
